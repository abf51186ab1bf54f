using System.Net;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Booking;

/// <summary>Capacity is guarded by the database: concurrent requests never take more places than there are.</summary>
public sealed class NeverOverbookedTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Forty_members_at_once_for_the_last_three_desks_three_get_one(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var desks = await app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == "puy-l-eveque" && r.Name == "Espace partagé").Select(r => r.Id).SingleAsync());
        var first = await app.ApiClientAsync(TestApp.MemberEmail); // 4 desks: one taken, 3 left
        Assert.Equal(HttpStatusCode.Created, (await first.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "day" })).StatusCode);
        var members = await app.NewMembersAsync(40);

        using var start = new ManualResetEventSlim();
        var tasks = members.Select(m => Task.Run(async () =>
        {
            start.Wait();
            return (await m.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "day" })).StatusCode;
        })).ToList();
        start.Set();
        var statuses = await Task.WhenAll(tasks);

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(37, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(4, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.ResourceId == desks)));
        var day = await app.WithDbAsync(db => db.DeskDays.SingleAsync(d => d.ResourceId == desks));
        Assert.Equal(4, day.Morning);
        Assert.Equal(4, day.Afternoon);
        Assert.Equal(4, app.Mails().Count(m => m.Subject?.StartsWith("Réservation confirmée", StringComparison.Ordinal) == true));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Twenty_members_at_once_for_one_room_slot_one_gets_it(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var room = await app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == "prayssac" && r.Name == "Salle de la Place").Select(r => r.Id).SingleAsync());
        var members = await app.NewMembersAsync(20);

        using var start = new ManualResetEventSlim();
        var tasks = members.Select((m, i) => Task.Run(async () =>
        {
            start.Wait();
            // Overlapping spans, all covering 10:00-10:30.
            var body = i % 2 == 0
                ? new { resourceId = room, start = "2026-12-03T10:00", end = "2026-12-03T11:00" }
                : new { resourceId = room, start = "2026-12-03T09:30", end = "2026-12-03T10:30" };
            return (await m.PostJsonAsync("/api/v1/bookings", body)).StatusCode;
        })).ToList();
        start.Set();
        var statuses = await Task.WhenAll(tasks);

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(19, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(1, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.ResourceId == room)));
    }
}
