using System.Net;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Booking;

public sealed class SeriesPageTests
{
    [Fact]
    public async Task A_member_previews_a_weekly_room_series_then_books_it()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.SignInAsync(TestApp.MemberEmail);
        var room = await app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == "luzech" && r.Name == "Salle du Barrage").Select(r => r.Id).SingleAsync());
        var fields = new Dictionary<string, string>
        {
            ["Input.ResourceId"] = $"{room}", ["Input.Weekdays"] = "Thursday", ["Input.EveryWeeks"] = "1",
            ["Input.From"] = "2026-12-02", ["Input.Until"] = "2026-12-31", ["Input.Period"] = "Day",
            ["Input.Start"] = "14:00", ["Input.End"] = "15:30",
        };

        var other = (await app.NewMembersAsync(1))[0];
        Assert.Equal(HttpStatusCode.Created, (await other.PostJsonAsync("/api/v1/bookings", new { resourceId = room, start = "2026-12-17T15:00", end = "2026-12-17T16:00" })).StatusCode);

        var preview = await (await client.SubmitFormAsync("/reserver/serie", fields, postTo: "/reserver/serie?handler=Preview")).ParseAsync();
        var rows = preview.QuerySelectorAll(".preview tbody tr").Select(r => r.Text()).ToList();
        Assert.Equal(5, rows.Count); // 3, 10, 17, 24, 31 December
        Assert.Contains("jeudi 24 décembre 2026 Oui", rows);
        Assert.Contains("jeudi 17 décembre 2026 Non : Créneau déjà réservé.", rows);
        Assert.Equal("Réserver les 4 dates disponibles", preview.QuerySelector(".preview button")!.Text());
        Assert.Equal(1, await app.WithDbAsync(db => db.Bookings.CountAsync())); // a preview books nothing

        var booked = await client.SubmitFormAsync("/reserver/serie", fields, postTo: "/reserver/serie?handler=Book");
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        Assert.Equal(4, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.SeriesId != null && b.LocalStart == new TimeOnly(14, 0))));

        var seriesId = await app.WithDbAsync(db => db.BookingSeries.Select(x => x.Id).SingleAsync());
        var confirm = await client.GetDocumentAsync($"/mes-reservations/serie/{seriesId}/annuler");
        Assert.Equal(4, confirm.QuerySelectorAll("main li").Length);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"/mes-reservations/serie/{seriesId}/annuler", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.SeriesId == seriesId && b.Status == Web.Features.Booking.BookingStatus.Confirmed)));
        var stranger = app.Browser();
        await stranger.SignInAsync(TestApp.HostEmail);
        await stranger.GetDocumentAsync($"/mes-reservations/serie/{seriesId}/annuler", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_series_without_weekdays_is_refused_next_to_the_field()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.SignInAsync(TestApp.MemberEmail);
        var page = await (await client.SubmitFormAsync("/reserver/serie", new Dictionary<string, string>
        {
            ["Input.EveryWeeks"] = "1", ["Input.From"] = "2026-12-02", ["Input.Count"] = "3", ["Input.Period"] = "Day",
        }, postTo: "/reserver/serie?handler=Preview")).ParseAsync();
        Assert.Equal("Choisissez au moins un jour de la semaine.", page.QuerySelector("#Input_Weekdays-error").Text());
    }
}
