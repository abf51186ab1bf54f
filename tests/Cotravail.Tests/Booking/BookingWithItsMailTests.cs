using System.Net;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Booking;

/// <summary>A booking and its confirmation are kept together or not at all, whichever way the database writes them.</summary>
public sealed class BookingWithItsMailTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task When_the_confirmation_cannot_be_written_the_booking_is_not_kept_either(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var desks = await app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == "luzech" && r.Name == "Espace partagé").Select(r => r.Id).SingleAsync());
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        // The outbox refuses every new row, as a full disk or a broken table would.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(provider == "Postgres"
            ? "ALTER TABLE \"OutboxMails\" ADD CONSTRAINT \"refuse_all\" CHECK (false) NOT VALID"
            : "CREATE TRIGGER refuse_all BEFORE INSERT ON \"OutboxMails\" BEGIN SELECT RAISE(ABORT, 'refused'); END"));

        var refused = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "day" });

        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.ResourceId == desks)));
        Assert.Equal(0, await app.WithDbAsync(db => db.BookedHalves.CountAsync(h => h.ResourceId == desks)));
        Assert.Equal(0, await app.WithDbAsync(db => db.DeskDays.Where(d => d.ResourceId == desks).SumAsync(d => d.Morning + d.Afternoon)));

        // Once the outbox takes rows again, the same request books the place and mails it.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(provider == "Postgres"
            ? "ALTER TABLE \"OutboxMails\" DROP CONSTRAINT \"refuse_all\""
            : "DROP TRIGGER refuse_all"));
        var booked = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "day" });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.Single(app.Mails());
    }
}
