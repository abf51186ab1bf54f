using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Booking;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Booking;

/// <summary>
/// A member who asks again for a half-day they hold: refused as already booked, by the guard rows' key, whether the
/// pool still has room or not; the counter and the other members' places are untouched.
/// </summary>
public sealed class SecondBookingTests
{
    private static Task<int> DesksAsync(TestApp app, string site) =>
        app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == site && r.Name == "Espace partagé").Select(r => r.Id).SingleAsync());

    private static Task<DeskDay> CounterAsync(TestApp app, int desks) =>
        app.WithDbAsync(db => db.DeskDays.AsNoTracking().SingleAsync(d => d.ResourceId == desks));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_same_half_day_twice_is_refused_as_already_booked_and_takes_no_second_place(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var desks = await DesksAsync(app, "luzech");
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var created = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "morning" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var answer = await created.JsonAsync();
        Assert.Equal("Tiers-lieu de Luzech", answer.GetProperty("siteName").GetString());
        Assert.Equal("Espace partagé", answer.GetProperty("resourceName").GetString());

        foreach (var period in new[] { "morning", "day" })
        {
            var again = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period });
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Equal("Vous avez déjà une réservation de cet espace sur ce créneau.", (await again.JsonAsync()).GetProperty("title").GetString());
        }
        var afternoon = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "afternoon" });
        Assert.Equal(HttpStatusCode.Created, afternoon.StatusCode);

        var counter = await CounterAsync(app, desks);
        Assert.Equal((1, 1), (counter.Morning, counter.Afternoon));
        Assert.Equal(2, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.ResourceId == desks)));
        Assert.Equal(2, app.Mails().Count);
        Assert.Contains("Espace partagé à Tiers-lieu de Luzech", app.Mails()[0].TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_member_holding_a_place_of_a_full_pool_is_told_it_is_theirs_and_another_that_it_is_full(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var desks = await DesksAsync(app, "puy-l-eveque"); // 4 desks
        var members = await app.NewMembersAsync(5);
        var body = new { resourceId = desks, date = "2026-12-03", period = "day" };
        foreach (var m in members.Take(4))
        {
            Assert.Equal(HttpStatusCode.Created, (await m.PostJsonAsync("/api/v1/bookings", body)).StatusCode);
        }

        var holder = await members[0].PostJsonAsync("/api/v1/bookings", body with { period = "morning" });
        var latecomer = await members[4].PostJsonAsync("/api/v1/bookings", body);

        Assert.Equal("Vous avez déjà une réservation de cet espace sur ce créneau.", (await holder.JsonAsync()).GetProperty("title").GetString());
        Assert.Equal("Plus de place disponible pour ce créneau.", (await latecomer.JsonAsync()).GetProperty("title").GetString());
        var counter = await CounterAsync(app, desks);
        Assert.Equal((4, 4), (counter.Morning, counter.Afternoon));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Eight_identical_requests_at_once_from_one_member_book_once_and_take_one_place(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var desks = await DesksAsync(app, "luzech");
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        using var start = new ManualResetEventSlim();
        var requests = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            var response = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "day" });
            return (response.StatusCode, response.StatusCode == HttpStatusCode.Conflict ? (await response.JsonAsync()).GetProperty("title").GetString() : null);
        })).ToList();
        start.Set();
        var answers = await Task.WhenAll(requests);

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a =>
            Assert.Equal((HttpStatusCode.Conflict, "Vous avez déjà une réservation de cet espace sur ce créneau."), a));
        var counter = await CounterAsync(app, desks);
        Assert.Equal((1, 1), (counter.Morning, counter.Afternoon));
        Assert.Equal(1, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.ResourceId == desks)));
        Assert.Single(app.Mails()); // one confirmation: the refused requests wrote none
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_half_day_with_room_is_booked_even_when_the_other_half_is_above_a_lowered_capacity(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var desks = await DesksAsync(app, "puy-l-eveque"); // 4 desks
        var members = await app.NewMembersAsync(5);
        foreach (var m in members.Take(4))
        {
            Assert.Equal(HttpStatusCode.Created, (await m.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "afternoon" })).StatusCode);
        }
        // The site lowers the pool to 3 desks: the afternoon stays over-full, the morning is empty.
        await app.WithDbAsync(db => db.Resources.Where(r => r.Id == desks).ExecuteUpdateAsync(s => s.SetProperty(r => r.Capacity, 3)));

        var morning = await members[4].PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "morning" });
        var afternoon = await members[4].PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "afternoon" });

        Assert.Equal(HttpStatusCode.Created, morning.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, afternoon.StatusCode);
        var counter = await CounterAsync(app, desks);
        Assert.Equal((1, 4), (counter.Morning, counter.Afternoon));
    }
}
