using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Newcomers;

/// <summary>The demo's page for newcomers reads as the community of communes would publish it: nothing left « à compléter ».</summary>
public sealed class TerritoryDemoTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Fact]
    public async Task The_territory_sections_are_written_out_commune_by_commune()
    {
        var app = await apps.GetAsync();
        var page = await app.Browser().GetDocumentAsync("/venir");
        var text = page.Body!.TextContent;
        Assert.DoesNotContain("compléter", text, StringComparison.OrdinalIgnoreCase);
        foreach (var title in new[] { "Le très haut débit, commune par commune", "Transports", "Écoles et petite enfance", "Santé", "Services et vie locale" })
        {
            Assert.Contains(page.QuerySelectorAll("h2, h3"), h => h.TextContent.Trim() == title);
        }
        // Broadband and travel times are given for each of the three communes.
        var rows = page.QuerySelectorAll("table tbody tr").Select(r => r.QuerySelector("td")?.TextContent.Trim()).ToList();
        Assert.Equal(3, rows.Count(c => c == "Puy-l'Évêque"));
    }
}
