using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Production;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Booking;

/// <summary>On PostgreSQL an instance hands out booking ids taken from the sequence in blocks (ADR 0023).</summary>
public sealed class BookingIdsTests
{
    [PostgresFact]
    public async Task An_id_of_the_block_already_used_in_the_database_is_replaced_and_the_booking_made()
    {
        await using var app = await TestApp.StartAsync("Postgres");
        var desks = await app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == "luzech" && r.Name == "Espace partagé").Select(r => r.Id).SingleAsync());
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var first = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "morning" });
        var id = (await first.JsonAsync()).GetProperty("id").GetInt32();
        // As after a restore that set the sequence back: the next id of this instance's block is already a booking's.
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"Bookings\" SET \"Id\" = {id + 1} WHERE \"Id\" = {id}"));

        var second = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "afternoon" });

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var secondId = (await second.JsonAsync()).GetProperty("id").GetInt32();
        Assert.NotEqual(id + 1, secondId);
        Assert.Equal(2, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.ResourceId == desks)));
        var mails = app.Mails();
        Assert.Equal(2, mails.Count);
        Assert.Contains($"booking-{secondId}@", string.Join("", mails[1].Attachments.OfType<MimeKit.MimePart>()
            .Select(a => { using var s = new MemoryStream(); a.Content!.DecodeTo(s); return System.Text.Encoding.UTF8.GetString(s.ToArray()); })), StringComparison.Ordinal);
    }
}
