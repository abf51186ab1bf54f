using System.Net;
using System.Net.Http.Json;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Booking;

public sealed class BookingApiTests
{
    private static async Task<int> ResourceAsync(TestApp app, string site, string name) =>
        await app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == site && r.Name == name).Select(r => r.Id).SingleAsync());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_member_books_a_desk_sees_it_and_cancels_it_before_the_cut_off(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await ResourceAsync(app, "luzech", "Espace partagé");

        var created = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "day" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var booking = await created.JsonAsync();
        var id = booking.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/bookings/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(1500, booking.GetProperty("priceCents").GetInt32());
        Assert.Equal("2026-12-03T08:00", booking.GetProperty("start").GetString());
        Assert.Equal("confirmed", booking.GetProperty("status").GetString());

        var mine = await member.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/me/bookings");
        Assert.Equal(id, mine[0].GetProperty("id").GetInt32());
        var availability = await app.CreateClient().GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/sites/{await SiteIdAsync(app, "luzech")}/availability?from=2026-12-03&to=2026-12-03");
        var day = availability.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("resourceId").GetInt32() == desks).GetProperty("days")[0];
        Assert.Equal(1, day.GetProperty("booked").GetInt32());
        Assert.Equal(11, day.GetProperty("free").GetInt32());

        var mail = Assert.Single(app.Mails());
        Assert.StartsWith("Réservation confirmée", mail.Subject, StringComparison.Ordinal);
        var ics = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>(), a => a.FileName == "reservation.ics");
        using var stream = new MemoryStream();
        await ics.Content!.DecodeToAsync(stream);
        var calendar = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("DTSTART:20261203T070000Z", calendar, StringComparison.Ordinal);
        Assert.Contains($"UID:booking-{id}@", calendar, StringComparison.Ordinal); // the id the booking was given

        var cancelled = await member.DeleteAsync(new Uri($"/api/v1/bookings/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.JsonAsync()).GetProperty("status").GetString());
        var after = await app.WithDbAsync(db => db.DeskDays.SingleAsync(d => d.ResourceId == desks));
        Assert.Equal(0, after.Morning);
        Assert.Equal(0, after.Afternoon);
    }

    [Fact]
    public async Task A_cancellation_after_18_00_the_day_before_is_kept_as_late()
    {
        await using var app = await TestApp.StartAsync();
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await ResourceAsync(app, "prayssac", "Espace partagé");
        var id = (await (await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-02", period = "morning" })).JsonAsync()).GetProperty("id").GetInt32();

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 18, 30, 0, TimeSpan.Zero)); // 19:30 in Paris, the day before
        member = await app.ApiClientAsync(TestApp.MemberEmail); // the morning's token has expired by now
        var cancelled = await member.DeleteAsync(new Uri($"/api/v1/bookings/{id}", UriKind.Relative));
        Assert.Equal("lateCancelled", (await cancelled.JsonAsync()).GetProperty("status").GetString());

        var again = await member.DeleteAsync(new Uri($"/api/v1/bookings/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_booking_requests_answer_400_with_field_messages_and_store_nothing(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await ResourceAsync(app, "luzech", "Espace partagé");
        var room = await ResourceAsync(app, "luzech", "Salle du Barrage");

        async Task Expect(object body, string field)
        {
            var response = await member.PostJsonAsync("/api/v1/bookings", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.JsonAsync();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"no error on {field}: {problem}");
            Assert.NotEmpty(messages[0].GetString()!);
        }

        await Expect(new { resourceId = desks, date = "2026-11-20", period = "day" }, "date");
        await Expect(new { resourceId = 999999, date = "2026-12-03", period = "day" }, "resourceId");
        await Expect(new { resourceId = room, start = "2026-12-03T11:00", end = "2026-12-03T10:00" }, "end");
        await Expect(new { resourceId = room, date = "2026-12-03", period = "morning" }, "period");
        await Expect(new { resourceId = desks, date = "2026-02-31", period = "day" }, "date");
        await Expect(new { resourceId = desks, date = "2026-12-03", period = "evening" }, "period");
        await Expect(new { resourceId = desks }, "date");

        var empty = await member.PostAsync(new Uri("/api/v1/bookings", UriKind.Relative), new StringContent("", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var malformed = await member.PostAsync(new Uri("/api/v1/bookings", UriKind.Relative), new StringContent("{\"resourceId\": \"abc\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        var tooLong = await app.CreateClient().GetAsync(new Uri($"/api/v1/sites/{await SiteIdAsync(app, "luzech")}/availability?from=2026-12-01&to=2027-02-15", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await tooLong.JsonAsync()).GetProperty("errors").TryGetProperty("to", out _));

        Assert.Equal(0, await app.WithDbAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task Booking_needs_a_signed_in_member()
    {
        await using var app = await TestApp.StartAsync();
        var response = await app.CreateClient().PostJsonAsync("/api/v1/bookings", new { resourceId = 1, date = "2026-12-03", period = "day" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_gets_the_first_answer_and_another_body_gets_422()
    {
        await using var app = await TestApp.StartAsync();
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await ResourceAsync(app, "luzech", "Espace partagé");
        var body = new { resourceId = desks, date = "2026-12-04", period = "afternoon" };

        var first = await member.PostJsonAsync("/api/v1/bookings", body, "cle-123");
        var retry = await member.PostJsonAsync("/api/v1/bookings", body, "cle-123");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal((await first.JsonAsync()).GetProperty("id").GetInt32(), (await retry.JsonAsync()).GetProperty("id").GetInt32());
        Assert.Equal(1, await app.WithDbAsync(db => db.Bookings.CountAsync()));

        var other = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-05", period = "day" }, "cle-123");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task A_member_cannot_hold_two_overlapping_bookings_of_the_same_resource()
    {
        await using var app = await TestApp.StartAsync();
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await ResourceAsync(app, "luzech", "Espace partagé");
        Assert.Equal(HttpStatusCode.Created, (await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "morning" })).StatusCode);
        var overlap = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "day" });
        Assert.Equal(HttpStatusCode.Conflict, overlap.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "afternoon" })).StatusCode);
    }

    [Fact]
    public async Task Another_member_cannot_see_or_cancel_my_booking()
    {
        await using var app = await TestApp.StartAsync();
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await ResourceAsync(app, "luzech", "Espace partagé");
        var id = (await (await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "day" })).JsonAsync()).GetProperty("id").GetInt32();
        var other = (await app.NewMembersAsync(1))[0];

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/v1/bookings/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync(new Uri($"/api/v1/bookings/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(0, (await other.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/me/bookings")).GetArrayLength());
        var host = await app.ApiClientAsync(TestApp.HostEmail);
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync(new Uri($"/api/v1/bookings/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Availability_is_public_and_lists_the_free_slots_of_a_room()
    {
        await using var app = await TestApp.StartAsync();
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var room = await ResourceAsync(app, "luzech", "Salle du Barrage");
        Assert.Equal(HttpStatusCode.Created, (await member.PostJsonAsync("/api/v1/bookings", new { resourceId = room, start = "2026-12-03T10:00", end = "2026-12-03T12:00" })).StatusCode);

        var availability = await app.CreateClient().GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/sites/{await SiteIdAsync(app, "luzech")}/availability?from=2026-12-03&to=2026-12-03");
        var slots = availability.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("resourceId").GetInt32() == room)
            .GetProperty("days")[0].GetProperty("freeSlots").EnumerateArray().Select(s => $"{s.GetProperty("start").GetString()}-{s.GetProperty("end").GetString()}").ToList();
        Assert.Equal(["08:00-10:00", "12:00-22:00"], slots);
        Assert.DoesNotContain("Sophie", availability.ToString(), StringComparison.Ordinal);
    }

    private static Task<int> SiteIdAsync(TestApp app, string slug) =>
        app.WithDbAsync(db => db.Sites.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync());
}
