using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Events;

namespace Cotravail.Tests.Events;

public sealed class AgendaTests
{
    [Fact]
    public async Task The_public_agenda_shows_published_public_events_with_their_places_left()
    {
        await using var app = await TestApp.StartAsync();
        await app.CreateEventAsync(title: "Atelier numérique", capacity: 8);
        await app.CreateEventAsync(title: "Brouillon secret", status: EventStatus.Draft);
        await app.CreateEventAsync(title: "Petit-déjeuner des membres", audience: EventAudience.Members);

        var page = await app.Browser().GetDocumentAsync("/agenda");
        var cards = page.QuerySelectorAll(".events .card").Select(c => c.Text()).ToList();

        var card = Assert.Single(cards);
        Assert.Contains("Atelier numérique", card, StringComparison.Ordinal);
        Assert.Contains("jeudi 10 décembre 2026, 18 h 00 – 20 h 00", card, StringComparison.Ordinal);
        Assert.Contains("8 places restantes", card, StringComparison.Ordinal);

        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);
        Assert.Equal(2, (await member.GetDocumentAsync("/agenda")).QuerySelectorAll(".events .card").Length);
    }

    [Fact]
    public async Task The_agenda_filters_by_site_kind_and_month()
    {
        await using var app = await TestApp.StartAsync();
        await app.CreateEventAsync(title: "Atelier à Luzech");
        await app.CreateEventAsync(site: "prayssac", title: "Visite de Prayssac", kind: EventKind.Visit);
        await app.CreateEventAsync(title: "Atelier de janvier", startUtc: new DateTime(2027, 1, 12, 17, 0, 0, DateTimeKind.Utc));
        var client = app.Browser();

        string[] Titles(AngleSharp.Dom.IDocument d) => [.. d.QuerySelectorAll(".events h3").Select(h => h.Text())];

        Assert.Equal(["Visite de Prayssac"], Titles(await client.GetDocumentAsync("/agenda?espace=prayssac")));
        Assert.Equal(["Visite de Prayssac"], Titles(await client.GetDocumentAsync("/agenda?type=visite")));
        Assert.Equal(["Atelier de janvier"], Titles(await client.GetDocumentAsync("/agenda?mois=2027-01")));
        var wrong = await client.GetDocumentAsync("/agenda?mois=janvier");
        Assert.Equal("Le mois doit s'écrire AAAA-MM, par exemple 2026-12.", wrong.QuerySelector("#mois-error").Text());
    }

    [Fact]
    public async Task The_event_page_shows_the_description_and_the_places_left()
    {
        await using var app = await TestApp.StartAsync();
        var id = await app.CreateEventAsync(capacity: 3);
        await (await app.ApiClientAsync(TestApp.MemberEmail)).PostJsonAsync($"/api/v1/events/{id}/registrations", new { });

        var page = await app.Browser().GetDocumentAsync($"/agenda/{id}");

        Assert.Equal("2 places restantes sur 3", page.QuerySelector("#places").Text());
        Assert.Equal("découvrir", page.QuerySelector(".description strong").Text());
        await app.Browser().GetDocumentAsync("/agenda/9999", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_agenda_feed_is_an_icalendar_of_public_events()
    {
        await using var app = await TestApp.StartAsync();
        await app.CreateEventAsync(title: "Atelier numérique");
        await app.CreateEventAsync(title: "Réservé", audience: EventAudience.Members);

        var response = await app.CreateClient().GetAsync(new Uri("/agenda.ics?espace=luzech", UriKind.Relative));
        var ics = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("SUMMARY:Atelier numérique", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261210T170000Z", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("Réservé", ics, StringComparison.Ordinal);
    }
}
