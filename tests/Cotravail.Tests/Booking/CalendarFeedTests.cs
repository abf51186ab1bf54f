using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Booking;

public sealed class CalendarFeedTests
{
    [Fact]
    public async Task The_private_feed_lists_my_bookings_and_a_new_address_kills_the_old_one()
    {
        await using var app = await TestApp.StartAsync();
        var api = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == "luzech" && r.Name == "Espace partagé").Select(r => r.Id).SingleAsync());
        await api.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "morning" });

        var url = (await api.GetFromJsonAsync<JsonElement>("/api/v1/me/calendar")).GetProperty("url").GetString()!;
        var path = new Uri(url).AbsolutePath;
        var anonymous = app.CreateClient();
        var feed = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        var ics = await feed.Content.ReadAsStringAsync();
        Assert.Contains("BEGIN:VEVENT", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261203T070000Z", ics, StringComparison.Ordinal);
        Assert.Contains("Espace partagé (matin)", ics, StringComparison.Ordinal);

        var browser = app.Browser();
        await browser.SignInAsync(TestApp.MemberEmail);
        var page = await browser.GetDocumentAsync("/mes-reservations/calendrier");
        Assert.Equal(url, page.QuerySelector("#feed-url")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitFormAsync("/mes-reservations/calendrier", new Dictionary<string, string>())).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        var newUrl = (await api.GetFromJsonAsync<JsonElement>("/api/v1/me/calendar")).GetProperty("url").GetString();
        Assert.NotEqual(url, newUrl);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri("/calendrier/" + new string('0', 48) + ".ics", UriKind.Relative))).StatusCode);
    }
}
