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
        [.. page.QuerySelectorAll("section[aria-labelledby=frequentation] tbody th[scope=row]").Select(th => th.TextContent)];

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
