using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Sites;

public sealed class PublicSitesTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Home_page_in_French_lists_the_three_demo_sites_with_what_a_visitor_needs(string provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.Browser();

        var page = await client.GetDocumentAsync("/");

        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        var cards = page.QuerySelectorAll(".card");
        Assert.Equal(3, cards.Length);
        var luzech = cards.Single(c => c.TextContent.Contains("Luzech (46140)", StringComparison.Ordinal));
        var text = luzech.Text();
        Assert.Contains("15,00 €", text, StringComparison.Ordinal);
        Assert.Contains("8 rue du Port", text, StringComparison.Ordinal);
        Assert.Contains("12 postes", text, StringComparison.Ordinal);
        Assert.Contains("1000 Mbit/s", text, StringComparison.Ordinal);
        Assert.Contains("Tous les jours, 8 h 00–22 h 00", text, StringComparison.Ordinal);
        Assert.Contains("Boulangerie", text, StringComparison.Ordinal);
        Assert.Contains(cards, c => c.TextContent.Contains("Prayssac (46220)", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.TextContent.Contains("Puy-l'Évêque (46700)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Site_page_shows_hours_resources_and_the_next_public_holiday()
    {
        var app = await apps.GetAsync();
        var page = await app.Browser().GetDocumentAsync("/espaces/puy-l-eveque");

        Assert.Equal("Petit tiers-lieu de Puy-l'Évêque", page.QuerySelector("h1").Text());
        var hours = page.QuerySelector("table.hours")!.TextContent;
        Assert.Contains("dimanche", hours, StringComparison.Ordinal);
        Assert.Contains("Fermé", hours, StringComparison.Ordinal);
        Assert.Contains("Salle des Quais", page.Body!.TextContent, StringComparison.Ordinal);
        // Today is 1 December 2026 in tests: Christmas is the next public holiday.
        Assert.Contains("vendredi 25 décembre 2026 — Noël", page.Body.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_page_answers_a_French_404_page()
    {
        var app = await apps.GetAsync();
        var page = await app.Browser().GetDocumentAsync("/espaces/nulle-part", HttpStatusCode.NotFound);
        Assert.Equal("Page introuvable", page.QuerySelector("h1").Text());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Api_lists_sites_and_gives_one_with_resources_hours_and_closures(string provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.CreateClient();

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/sites");
        Assert.Equal(3, list.GetArrayLength());
        var luzech = list.EnumerateArray().Single(s => s.GetProperty("slug").GetString() == "luzech");
        Assert.Equal(12, luzech.GetProperty("deskCount").GetInt32());

        var id = luzech.GetProperty("id").GetInt32();
        var site = await client.GetFromJsonAsync<JsonElement>($"/api/v1/sites/{id}");
        Assert.Equal("46140", site.GetProperty("postcode").GetString());
        Assert.Equal(5, site.GetProperty("resources").GetArrayLength());
        Assert.Contains(site.GetProperty("resources").EnumerateArray(), r => r.GetProperty("kind").GetString() == "meetingRoom" && r.GetProperty("capacity").GetInt32() == 8);
        Assert.Equal(7, site.GetProperty("openingHours").GetArrayLength());
        Assert.Equal("monday", site.GetProperty("openingHours")[0].GetProperty("day").GetString());
        Assert.Equal("08:00", site.GetProperty("openingHours")[0].GetProperty("opens").GetString());
        Assert.Contains(site.GetProperty("closures").EnumerateArray(), c => c.GetProperty("startDate").GetString() == "2026-12-25");
    }

    [Fact]
    public async Task Api_answers_404_problem_details_for_an_unknown_site()
    {
        var app = await apps.GetAsync();
        var response = await app.CreateClient().GetAsync(new Uri("/api/v1/sites/987654", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_and_openapi_answer()
    {
        var app = await apps.GetAsync();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        var openapi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(openapi.GetProperty("paths").TryGetProperty("/api/v1/sites/{id}", out _));
        Assert.True(openapi.GetProperty("paths").TryGetProperty("/api/v1/auth/login", out _));
    }
}
