using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.BrowserTests.Accessibility;
using Cotravail.BrowserTests.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Billing;

/// <summary>
/// The money pages in a real browser, on a phone: a member orders a carnet through its summary, the host takes the
/// payment at the till by the member's name and prints the receipt, the manager reads the invoice and checks a credit
/// note. Each page passes axe-core and scrolls no wider than the screen.
/// </summary>
public sealed class MoneyJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Order_pay_at_the_till_and_credit_a_carnet_on_a_phone()
    {
        var problems = new List<string>();

        await using var member = await browser.NewContextAsync(375, 740);
        await AxeSweep.SignInAsync(member, "membre@cotravail.test");
        var page = await member.NewPageAsync();
        await page.GotoAsync($"/mes-droits/commande?produit={await CarnetAsync()}&quantite=1");
        await CheckAsync(page, problems);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer la commande" }).ClickAsync();
        await page.WaitForURLAsync("**/mes-droits/commande/*");
        await CheckAsync(page, problems);
        Assert.Equal(0, await page.Locator("main form").CountAsync());
        var invoiceId = page.Url.Split('/')[^1].Split('?')[0];

        await using var host = await browser.NewContextAsync(375, 740);
        await AxeSweep.SignInAsync(host, "accueil@cotravail.test");
        var till = await host.NewPageAsync();
        await till.GotoAsync("/accueil/luzech/caisse?recherche=sophie+martin");
        await CheckAsync(till, problems);
        await till.GetByRole(AriaRole.Link, new() { Name = "Sophie Martin" }).ClickAsync();
        await till.WaitForLoadStateAsync(LoadState.Load);
        await CheckAsync(till, problems);
        await till.GetByRole(AriaRole.Button, new() { Name = "Encaisser et faire le reçu" }).ClickAsync();
        await till.WaitForURLAsync("**/caisse/recus/*");
        await CheckAsync(till, problems);
        Assert.Contains("Ce reçu n'est pas une facture.", await till.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await using var manager = await browser.NewContextAsync(375, 740);
        await AxeSweep.SignInAsync(manager, "gestion@cotravail.test");
        var invoice = await manager.NewPageAsync();
        await invoice.GotoAsync($"/gestion/factures/{invoiceId}");
        await CheckAsync(invoice, problems);
        Assert.Equal("réglée", (await invoice.Locator("#invoice-status").InnerTextAsync()).Trim());
        await invoice.GetByRole(AriaRole.Link, new() { Name = "Émettre un avoir" }).ClickAsync();
        await invoice.WaitForURLAsync("**/avoir");
        await CheckAsync(invoice, problems);
        await invoice.GetByLabel("Motif de l'avoir").FillAsync("Carnet commandé par erreur");
        await invoice.GetByRole(AriaRole.Button, new() { Name = "Vérifier" }).ClickAsync();
        await invoice.WaitForLoadStateAsync(LoadState.Load);
        await CheckAsync(invoice, problems);
        Assert.Contains("retirée", await invoice.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>axe-core finds nothing and the page is no wider than the phone.</summary>
    private static async Task CheckAsync(IPage page, List<string> problems)
    {
        var result = await page.RunAxe();
        problems.AddRange(result.Violations.Select(v => $"{page.Url}: {v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}"));
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (width > 375)
        {
            problems.Add($"{page.Url}: {width} px wide on a 375 px screen");
        }
    }

    private async Task<int> CarnetAsync()
    {
        using var http = new HttpClient { BaseAddress = browser.App.BaseAddress };
        var sites = await http.GetFromJsonAsync<JsonElement>("/api/v1/sites");
        var luzech = sites.EnumerateArray().Single(s => s.GetProperty("slug").GetString() == "luzech").GetProperty("id").GetInt32();
        var products = await http.GetFromJsonAsync<JsonElement>($"/api/v1/sites/{luzech}/products");
        return products.EnumerateArray().First(p => p.GetProperty("kind").GetString() == "carnet").GetProperty("id").GetInt32();
    }
}
