using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Booking.Series;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Booking;

public sealed class SeriesPatternTests
{
    [Fact]
    public void Tuesdays_and_thursdays_every_two_weeks_until_a_date()
    {
        var pattern = new SeriesPattern([DayOfWeek.Thursday, DayOfWeek.Tuesday], 2, new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 31), null);
        Assert.Equal(
            [new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 17), new DateOnly(2026, 12, 29), new DateOnly(2026, 12, 31)],
            pattern.Dates());
    }

    [Fact]
    public void A_count_stops_the_series_and_26_is_the_most()
    {
        Assert.Equal(3, new SeriesPattern([DayOfWeek.Monday], 1, new DateOnly(2026, 12, 1), null, 3).Dates().Count);
        Assert.Equal(26, new SeriesPattern([DayOfWeek.Monday, DayOfWeek.Friday], 1, new DateOnly(2026, 12, 1), new DateOnly(2027, 12, 1), null).Dates().Count);
        Assert.Contains("count", new SeriesPattern([DayOfWeek.Monday], 1, new DateOnly(2026, 12, 1), null, 27).Problems().Keys);
        Assert.Contains("weekdays", new SeriesPattern([], 1, new DateOnly(2026, 12, 1), null, 3).Problems().Keys);
        Assert.Contains("until", new SeriesPattern([DayOfWeek.Monday], 1, new DateOnly(2026, 12, 1), null, null).Problems().Keys);
    }
}

public sealed class SeriesApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_series_over_a_morning_the_member_already_holds_books_the_other_dates_and_says_so(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var desks = await app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == "luzech" && r.Name == "Espace partagé").Select(r => r.Id).SingleAsync());
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        Assert.Equal(HttpStatusCode.Created, (await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-10", period = "morning" })).StatusCode);

        var created = await member.PostJsonAsync("/api/v1/booking-series",
            new { resourceId = desks, weekdays = new[] { "thursday" }, everyWeeks = 1, from = "2026-12-02", count = 3, period = "day" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var series = await created.JsonAsync();
        Assert.Equal(["2026-12-03", "2026-12-17"], series.GetProperty("booked").EnumerateArray().Select(b => b.GetProperty("date").GetString()));
        var refused = Assert.Single(series.GetProperty("notBooked").EnumerateArray());
        Assert.Equal("2026-12-10", refused.GetProperty("date").GetString());
        Assert.Equal("Vous avez déjà une réservation sur ce créneau.", refused.GetProperty("problem").GetString());
        // The refused day took no desk: the morning counts the member's first booking only, the afternoon nobody.
        var day = await app.WithDbAsync(db => db.DeskDays.SingleAsync(d => d.ResourceId == desks && d.Date == new DateOnly(2026, 12, 10)));
        Assert.Equal((1, 0), (day.Morning, day.Afternoon));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_same_series_sent_four_times_at_once_is_booked_once(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var desks = await app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == "luzech" && r.Name == "Espace partagé").Select(r => r.Id).SingleAsync());
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var body = new { resourceId = desks, weekdays = new[] { "tuesday", "thursday" }, everyWeeks = 1, from = "2026-12-02", count = 4, period = "day" };

        // Every request's preview finds the dates free; their bookings then meet at the database.
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => member.PostJsonAsync("/api/v1/booking-series", body)));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)a.StatusCode}"));
        var held = await app.WithDbAsync(db => db.Bookings
            .Where(b => b.ResourceId == desks && b.Status == Web.Features.Booking.BookingStatus.Confirmed)
            .GroupBy(b => b.Date).Select(g => g.Count()).ToListAsync());
        Assert.Equal([1, 1, 1, 1], held);
        Assert.All(await app.WithDbAsync(db => db.DeskDays.Where(d => d.ResourceId == desks).ToListAsync()),
            d => Assert.Equal((1, 1), (d.Morning, d.Afternoon)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_series_books_the_available_dates_and_says_which_were_not(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var desks = await app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == "puy-l-eveque" && r.Name == "Espace partagé").Select(r => r.Id).SingleAsync());
        // 10 December is full: four other members took the four desks.
        foreach (var other in await app.NewMembersAsync(4))
        {
            Assert.Equal(HttpStatusCode.Created, (await other.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-10", period = "day" })).StatusCode);
        }
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var body = new { resourceId = desks, weekdays = new[] { "thursday" }, everyWeeks = 1, from = "2026-12-02", count = 4, period = "day" };

        var preview = await (await member.PostJsonAsync("/api/v1/booking-series/preview", body)).JsonAsync();
        Assert.Equal(["2026-12-03:True", "2026-12-10:False", "2026-12-17:True", "2026-12-24:True"],
            preview.EnumerateArray().Select(o => $"{o.GetProperty("date").GetString()}:{o.GetProperty("available").GetBoolean()}"));

        var created = await member.PostJsonAsync("/api/v1/booking-series", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var series = await created.JsonAsync();
        Assert.Equal(3, series.GetProperty("booked").GetArrayLength());
        var first = series.GetProperty("booked")[0];
        Assert.Equal(("Petit tiers-lieu de Puy-l'Évêque", "Espace partagé"), (first.GetProperty("siteName").GetString(), first.GetProperty("resourceName").GetString()));
        // Free to cancel until the site's cut-off, 18:00 the day before (not until the start)
        Assert.Equal(new DateTime(2026, 12, 2, 17, 0, 0, DateTimeKind.Utc), first.GetProperty("freeCancellationUntilUtc").GetDateTime().ToUniversalTime());
        Assert.Equal("2026-12-10", series.GetProperty("notBooked")[0].GetProperty("date").GetString());
        Assert.Equal("Complet.", series.GetProperty("notBooked")[0].GetProperty("problem").GetString());
        var confirmation = app.Mails().Last();
        Assert.Equal("3 réservations confirmées", confirmation.Subject);

        var id = series.GetProperty("seriesId").GetInt32();
        var cancelled = await (await member.DeleteAsync(new Uri($"/api/v1/booking-series/{id}", UriKind.Relative))).JsonAsync();
        Assert.Equal(3, cancelled.GetProperty("cancelled").GetInt32());
        Assert.Equal(0, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.SeriesId == id && b.Status == Web.Features.Booking.BookingStatus.Confirmed)));
    }

    [Fact]
    public async Task A_weekly_room_series_keeps_its_local_time_across_the_change_to_winter_time()
    {
        await using var app = await TestApp.StartAsync(now: new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero));
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var room = await app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == "luzech" && r.Name == "Salle du Barrage").Select(r => r.Id).SingleAsync());

        var created = await member.PostJsonAsync("/api/v1/booking-series",
            new { resourceId = room, weekdays = new[] { "thursday" }, everyWeeks = 1, from = "2026-10-15", until = "2026-11-05", start = "10:00", end = "11:00" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var starts = await app.WithDbAsync(db => db.Bookings.OrderBy(b => b.StartUtc).Select(b => b.StartUtc).ToListAsync());
        Assert.Equal([
            new DateTime(2026, 10, 15, 8, 0, 0, DateTimeKind.Utc), // summer time
            new DateTime(2026, 10, 22, 8, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 10, 29, 9, 0, 0, DateTimeKind.Utc), // winter time from 25 October
            new DateTime(2026, 11, 5, 9, 0, 0, DateTimeKind.Utc),
        ], starts);
        var mine = await member.GetFromJsonAsync<JsonElement>("/api/v1/me/bookings");
        Assert.All(mine.EnumerateArray(), b => Assert.EndsWith("T10:00", b.GetProperty("start").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_series_gets_field_messages()
    {
        await using var app = await TestApp.StartAsync();
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var response = await member.PostJsonAsync("/api/v1/booking-series",
            new { resourceId = 1, weekdays = new[] { "funday" }, everyWeeks = 1, from = "2026-02-31", count = 40, period = "day" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("weekdays", out _));
        Assert.True(errors.TryGetProperty("from", out _));
        Assert.Equal(0, await app.WithDbAsync(db => db.Bookings.CountAsync()));
    }
}
