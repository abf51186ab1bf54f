using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.BrowserTests.Infrastructure;

namespace Cotravail.BrowserTests.Accessibility;

/// <summary>Every kind of page — public, account, member, host, manager — passes axe-core on a large screen and on a phone.</summary>
public sealed class PageSweepTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(375, 740)]
    public async Task Public_and_account_pages_have_no_violation(int width, int height)
    {
        await using var context = await browser.NewContextAsync(width, height);
        var violations = await AxeSweep.ViolationsAsync(context,
        [
            "/compte/inscription", "/compte/connexion", "/compte/mot-de-passe-oublie", "/compte/confirmer/renvoyer",
            "/page-qui-n-existe-pas", "/enquetes/besoins-coworking", "/enquetes/besoins-coworking/resultats", "/agenda", "/coups-de-main", "/observatoire",
        ]);
        Assert.True(violations.Length == 0, violations);
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(375, 740)]
    public async Task Member_pages_have_no_violation(int width, int height)
    {
        await using var context = await browser.NewContextAsync(width, height);
        await AxeSweep.SignInAsync(context, "membre@cotravail.test");
        var violations = await AxeSweep.ViolationsAsync(context,
            ["/compte/mot-de-passe", "/mes-reservations", "/mes-reservations/calendrier", "/reserver/serie", "/mes-factures", "/mes-droits", "/ma-carte", "/mes-coups-de-main", "/agenda/proposer"]);
        Assert.True(violations.Length == 0, violations);
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(375, 740)]
    public async Task Manager_pages_have_no_violation(int width, int height)
    {
        await using var context = await browser.NewContextAsync(width, height);
        await AxeSweep.SignInAsync(context, "gestion@cotravail.test");
        using var http = new HttpClient { BaseAddress = browser.App.BaseAddress };
        var sites = await http.GetFromJsonAsync<JsonElement>("/api/v1/sites");
        var luzech = sites.EnumerateArray().Single(s => s.GetProperty("slug").GetString() == "luzech").GetProperty("id").GetInt32();
        var resource = (await http.GetFromJsonAsync<JsonElement>($"/api/v1/sites/{luzech}")).GetProperty("resources")[0].GetProperty("id").GetInt32();
        var violations = await AxeSweep.ViolationsAsync(context,
        [
            "/gestion/espaces", "/gestion/espaces/nouveau", $"/gestion/espaces/{luzech}", $"/gestion/espaces/{luzech}/ressources",
            $"/gestion/espaces/{luzech}/ressources/{resource}", $"/gestion/espaces/{luzech}/horaires",
            $"/gestion/espaces/{luzech}/fermetures", $"/gestion/espaces/{luzech}/equipe", "/gestion/reseaux/1",
            "/gestion/factures", "/accueil/luzech/caisse", "/accueil/luzech/reservations", "/gestion/enquetes", "/gestion/enquetes/1",
            "/gestion/enquetes/1/resultats", "/accueil", "/accueil/luzech", "/accueil/luzech/venue", "/accueil/luzech/qr-arrivee",
            "/accueil/luzech/vente", "/accueil/coups-de-main", "/gestion/entreprises", $"/gestion/espaces/{luzech}/produits",
            "/animation", "/animation/nouveau", "/gestion/observatoire", "/animation/accompagnement",
        ]);
        Assert.True(violations.Length == 0, violations);
    }
}
