using System.Net;
using AngleSharp.Dom;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Observatory;

/// <summary>The observatory pages' « Espace » filter: one site, every site one by one, or added up beyond twelve.</summary>
public sealed class SiteChoiceTests
{
    private static List<string> SitesOfRows(IDocument page) =>
        [.. page.QuerySelectorAll("#par-espace-et-mois tbody th[scope=row]").Select(th => th.TextContent)];

    [Fact]
    public async Task The_public_page_shows_one_space_every_space_or_their_sum_beyond_twelve()
    {
        await using var app = await TestApp.StartAsync();
        var luzech = await app.SiteAsync("luzech");
        const string November = "/observatoire?Du=2026-11-01&Au=2026-11-30";

        var all = await app.Browser().GetDocumentAsync(November);
        Assert.Equal(3, SitesOfRows(all).Distinct().Count());
        Assert.Equal(4, all.QuerySelectorAll("#Espace option").Length); // « Tous les espaces » and the three sites

        var one = await app.Browser().GetDocumentAsync($"{November}&Espace={luzech.Id}");
        Assert.Equal([luzech.Name], SitesOfRows(one));
        Assert.Equal(luzech.Name, one.QuerySelector("#Espace option[selected]")!.TextContent);

        var unknown = await app.Browser().GetDocumentAsync($"{November}&Espace=999999", HttpStatusCode.BadRequest);
        Assert.Contains("Choisissez un espace de la liste.", unknown.QuerySelector("#Espace-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", unknown.QuerySelector("#Espace")!.GetAttribute("aria-invalid"));
        Assert.Empty(SitesOfRows(unknown));

        await app.WithDbAsync(async db =>
        {
            for (var i = 1; i <= 10; i++)
            {
                db.Sites.Add(new Site
                {
                    NetworkId = luzech.NetworkId, Name = $"Espace {i}", Slug = $"espace-{i}", Commune = "Luzech", Postcode = "46140", Address = $"{i} rue du Lot",
                });
            }
            return await db.SaveChangesAsync();
        });
        Assert.Equal(13, await app.WithDbAsync(db => db.Sites.CountAsync()));
        var summed = await app.Browser().GetDocumentAsync(November);
        Assert.Equal(["Ensemble des espaces"], SitesOfRows(summed)); // one row: November, every site added up
        var stillOne = await app.Browser().GetDocumentAsync($"{November}&Espace={luzech.Id}");
        Assert.Equal([luzech.Name], SitesOfRows(stillOne));
    }

    [Fact]
    public async Task Beyond_two_hundred_spaces_the_space_is_found_by_name_commune_or_postcode()
    {
        await using var app = await TestApp.StartAsync();
        var luzech = await app.SiteAsync("luzech");
        await app.WithDbAsync(async db =>
        {
            Site At(string name, string slug, string commune, string postcode) => new()
            {
                NetworkId = luzech.NetworkId, Name = name, Slug = slug, Commune = commune, Postcode = postcode, Address = "1 place de la Mairie",
            };
            db.Sites.AddRange(Enumerable.Range(1, 198).Select(i => At($"Espace {i}", $"espace-{i}", "Luzech", "46140")));
            db.Sites.AddRange(At("La Fabrique", "la-fabrique", "Cahors", "46000"), At("Le Quai", "le-quai-figeac", "Figeac", "46100"),
                At("Le Quai", "le-quai-gourdon", "Gourdon", "46300"));
            return await db.SaveChangesAsync();
        });
        const string November = "/observatoire?Du=2026-11-01&Au=2026-11-30";
        var browser = app.Browser();

        var all = await browser.GetDocumentAsync(November);
        Assert.Equal("search", all.QuerySelector("#Espace")!.GetAttribute("type")); // no list of 204 lines
        Assert.Equal(["Ensemble des espaces"], SitesOfRows(all));

        foreach (var asked in new[] { "La Fabrique", "la fabrique", "Cahors", "46000", "La Fabrique (46000 Cahors)" })
        {
            var found = await browser.GetDocumentAsync($"{November}&Espace={Uri.EscapeDataString(asked)}");
            Assert.Equal(["La Fabrique"], SitesOfRows(found));
            Assert.Equal("La Fabrique (46000 Cahors)", found.QuerySelector("#Espace")!.GetAttribute("value"));
        }
        var gourdon = await browser.GetDocumentAsync($"{November}&Espace={Uri.EscapeDataString("Le Quai (46300 Gourdon)")}");
        Assert.Equal(["Le Quai"], SitesOfRows(gourdon));
        var byId = await browser.GetDocumentAsync($"{November}&Espace={luzech.Id}");
        Assert.Equal([luzech.Name], SitesOfRows(byId));

        var two = await browser.GetDocumentAsync($"{November}&Espace={Uri.EscapeDataString("Le Quai")}", HttpStatusCode.BadRequest);
        Assert.Equal("2 espaces correspondent à « Le Quai », dont Le Quai (46100 Figeac), Le Quai (46300 Gourdon) : précisez.",
            two.QuerySelector("#Espace-error")!.TextContent.Trim());
        Assert.Empty(SitesOfRows(two));
        var none = await browser.GetDocumentAsync($"{November}&Espace=Brive", HttpStatusCode.BadRequest);
        Assert.Equal("Aucun espace ne correspond à « Brive ».", none.QuerySelector("#Espace-error")!.TextContent.Trim());
        Assert.Equal("true", none.QuerySelector("#Espace")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task The_managers_page_offers_the_sites_of_their_networks()
    {
        await using var app = await TestApp.StartAsync();
        var prayssac = await app.SiteAsync("prayssac");
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var page = await manager.GetDocumentAsync($"/gestion/observatoire?Du=2026-11-01&Au=2026-11-30&Espace={prayssac.Id}");
        Assert.Equal([prayssac.Name], SitesOfRows(page));
        Assert.Contains("Recettes par produit", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
