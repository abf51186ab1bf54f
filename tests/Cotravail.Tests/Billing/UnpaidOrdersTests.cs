using System.Globalization;
using System.Net;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Billing.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Billing;

/// <summary>Online orders left unpaid: one per product, and no more than the network's cap in all.</summary>
public sealed class UnpaidOrdersTests
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Task<HttpResponseMessage> OrderOnPageAsync(HttpClient browser, int product) =>
        OnlineOrderPagesTests.OrderOnPageAsync(browser, product);

    /// <summary>Why the order's summary refuses it.</summary>
    private static async Task<string> RefusalOnPageAsync(HttpClient browser, int product)
    {
        var summary = await browser.GetDocumentAsync(OnlineOrderPagesTests.SummaryUrl(product));
        Assert.Null(summary.QuerySelector("form#confirm-order"));
        return summary.QuerySelector("#order-problem").Text();
    }

    private static Task<HttpResponseMessage> OrderByApiAsync(HttpClient member, int product, string? key = null) =>
        member.PostJsonAsync("/api/v1/me/orders", new { productId = product, quantity = 1, payment = "transfer" }, key);

    private static Task<int> NetworkAsync(TestApp app) =>
        app.WithDbAsync(db => db.Networks.Where(n => n.Slug == DemoData.NetworkSlug).Select(n => n.Id).SingleAsync());

    private static Task SetCapAsync(TestApp app, int? cents) =>
        app.WithDbAsync(async db => await db.Networks.Where(n => n.Slug == DemoData.NetworkSlug)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.UnpaidOrdersCapCents, cents)));

    [Fact]
    public async Task A_second_order_of_a_product_whose_first_order_is_unpaid_is_refused_on_the_page_and_by_the_api()
    {
        await using var app = await TestApp.StartAsync();
        var carnet = await ProductsAndEntitlementsTests.ProductAsync(app, ProductKind.Carnet);
        var subscription = await ProductsAndEntitlementsTests.ProductAsync(app, ProductKind.Subscription);
        var browser = app.Browser();
        await browser.SignInAsync(TestApp.MemberEmail);
        var member = await app.ApiClientAsync(TestApp.MemberEmail);

        Assert.Equal(HttpStatusCode.Redirect, (await OrderOnPageAsync(browser, carnet)).StatusCode);

        Assert.Equal("Vous avez déjà commandé ce produit et sa facture F2026-000001 n'est pas encore réglée : réglez-la avant d'en commander un autre.",
            await RefusalOnPageAsync(browser, carnet));

        var byApi = await OrderByApiAsync(member, carnet);
        Assert.Equal(HttpStatusCode.Conflict, byApi.StatusCode);
        Assert.Equal("application/problem+json", byApi.Content.Headers.ContentType!.MediaType);
        Assert.Contains("F2026-000001 n'est pas encore réglée", (await byApi.JsonAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Invoices.CountAsync()));

        // Another product is another order; once the carnet is paid, it may be ordered again.
        var other = await OrderByApiAsync(member, subscription);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        var order = await other.JsonAsync();
        Assert.Equal("F2026-000002", order.GetProperty("invoiceNumber").GetString());
        Assert.Equal(15000, order.GetProperty("totalInclTaxCents").GetInt32());
        Assert.Equal("subscription", order.GetProperty("entitlements")[0].GetProperty("kind").GetString());

        var invoice = await app.WithDbAsync(db => db.Invoices.Where(i => i.Number == "F2026-000001").Select(i => i.Id).SingleAsync());
        var manager = await app.ApiClientAsync(TestApp.ManagerEmail);
        var paid = await manager.PostJsonAsync("/api/v1/payments", new { invoiceId = invoice, method = "transfer", amountCents = 13000 });
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await OrderByApiAsync(member, carnet)).StatusCode);

        // A partly paid order is still unpaid; a credit note settles it.
        var third = await app.WithDbAsync(db => db.Invoices.Where(i => i.Number == "F2026-000003").Select(i => i.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJsonAsync("/api/v1/payments", new { invoiceId = third, method = "transfer", amountCents = 5000 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await OrderByApiAsync(member, carnet)).StatusCode);
        await app.WithScopeAsync(async services =>
            Assert.NotNull(await services.GetRequiredService<InvoiceIssuer>().CreditAsync(third, CancellationToken.None)));
        Assert.Equal(HttpStatusCode.Created, (await OrderByApiAsync(member, carnet)).StatusCode);
    }

    [Fact]
    public async Task A_manager_sets_a_cap_on_what_a_member_owes_on_online_orders_and_an_order_beyond_it_is_refused()
    {
        await using var app = await TestApp.StartAsync();
        var network = await NetworkAsync(app);
        var carnet = await ProductsAndEntitlementsTests.ProductAsync(app, ProductKind.Carnet);
        var subscription = await ProductsAndEntitlementsTests.ProductAsync(app, ProductKind.Subscription);
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var page = await manager.GetDocumentAsync($"/gestion/reseaux/{network}");
        var fields = page.QuerySelectorAll("main form input:not([type=hidden]), main form textarea")
            .Where(e => e.GetAttribute("name") is not null)
            .ToDictionary(e => e.GetAttribute("name")!, e => e.GetAttribute("value") ?? e.TextContent);

        var bad = await manager.SubmitFormAsync($"/gestion/reseaux/{network}", new Dictionary<string, string>(fields) { ["Input.UnpaidOrdersCap"] = "-5" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal("Le plafond est un montant en euros positif, par exemple 300,00 ; laissez vide pour ne pas en fixer.",
            (await bad.ParseAsync()).QuerySelector("#Input_UnpaidOrdersCap-error").Text());
        Assert.Null(await app.WithDbAsync(db => db.Networks.Where(n => n.Id == network).Select(n => n.UnpaidOrdersCapCents).SingleAsync()));

        var saved = await manager.SubmitFormAsync($"/gestion/reseaux/{network}", new Dictionary<string, string>(fields) { ["Input.UnpaidOrdersCap"] = "200" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(20000, await app.WithDbAsync(db => db.Networks.Where(n => n.Id == network).Select(n => n.UnpaidOrdersCapCents).SingleAsync()));
        Assert.Equal("200,00", (await manager.GetDocumentAsync($"/gestion/reseaux/{network}")).QuerySelector("#Input_UnpaidOrdersCap")!.GetAttribute("value"));

        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        Assert.Equal(HttpStatusCode.Created, (await OrderByApiAsync(member, carnet)).StatusCode); // 130 € owed
        var over = await OrderByApiAsync(member, subscription); // + 150 € > 200 €
        Assert.Equal(HttpStatusCode.Conflict, over.StatusCode);
        Assert.Equal("Cette commande porterait vos commandes en ligne non réglées au-delà du plafond de 200,00 € fixé par le réseau (il vous reste 130,00 € à régler) : réglez d'abord ce qui est dû.",
            (await over.JsonAsync()).GetProperty("title").GetString());

        var browser = app.Browser();
        await browser.SignInAsync(TestApp.MemberEmail);
        Assert.Contains("au-delà du plafond de 200,00 €", await RefusalOnPageAsync(browser, subscription), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Invoices.CountAsync()));

        // A sale at the desk is not an online order: the host sells with the member in front of them.
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);
        var sold = await host.SubmitFormAsync("/accueil/luzech/vente", new Dictionary<string, string>
        {
            ["Sell.Email"] = TestApp.MemberEmail, ["Sell.ProductId"] = Id(subscription), ["Sell.Quantity"] = "1",
        }, "main form.form");
        Assert.Equal(HttpStatusCode.Redirect, sold.StatusCode);

        // Left empty, there is no cap (one unpaid order per product still holds).
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitFormAsync($"/gestion/reseaux/{network}",
            new Dictionary<string, string>(fields) { ["Input.UnpaidOrdersCap"] = "" })).StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Networks.Where(n => n.Id == network).Select(n => n.UnpaidOrdersCapCents).SingleAsync()));
        Assert.Equal(HttpStatusCode.Created, (await OrderByApiAsync(member, subscription)).StatusCode);
    }

    [Fact]
    public async Task Bad_orders_by_the_api_get_a_French_problem_and_change_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var day = await ProductsAndEntitlementsTests.ProductAsync(app, ProductKind.DayPass);
        var carnet = await ProductsAndEntitlementsTests.ProductAsync(app, ProductKind.Carnet);

        async Task<JsonElement> ErrorsAsync(object body)
        {
            var response = await member.PostJsonAsync("/api/v1/me/orders", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.JsonAsync()).GetProperty("errors");
        }

        Assert.Contains("carnet ou un abonnement", (await ErrorsAsync(new { productId = day })).GetProperty("productId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Ce produit n'existe pas.", (await ErrorsAsync(new { productId = 999999 })).GetProperty("productId")[0].GetString());
        Assert.Equal("La quantité va de 1 à 12.", (await ErrorsAsync(new { productId = carnet, quantity = 13 })).GetProperty("quantity")[0].GetString());
        Assert.True((await ErrorsAsync(new { productId = carnet, payment = "card" })).TryGetProperty("payment", out _));
        Assert.True((await ErrorsAsync(new { productId = carnet, payment = "bitcoin" })).TryGetProperty("payment", out _));
        Assert.True((await ErrorsAsync(new { quantity = 1 })).TryGetProperty("productId", out _));
        var notJson = await member.PostAsync(new Uri("/api/v1/me/orders", UriKind.Relative), new StringContent("{\"productId\": \"x\"", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Invoices.CountAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostJsonAsync("/api/v1/me/orders", new { productId = carnet })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_same_order_sent_several_times_at_once_is_accepted_once(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var carnet = await ProductsAndEntitlementsTests.ProductAsync(app, ProductKind.Carnet);
        var member = await app.ApiClientAsync(TestApp.MemberEmail);

        var responses = await AtOnceAsync(Enumerable.Range(0, 4).Select(_ => (Func<Task<HttpResponseMessage>>)(() => OrderByApiAsync(member, carnet))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, await app.WithDbAsync(db => db.Invoices.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Entitlements.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_orders_at_once_that_together_pass_the_cap_are_not_both_accepted(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SetCapAsync(app, 20000);
        var carnet = await ProductsAndEntitlementsTests.ProductAsync(app, ProductKind.Carnet);
        var subscription = await ProductsAndEntitlementsTests.ProductAsync(app, ProductKind.Subscription);
        var member = await app.ApiClientAsync(TestApp.MemberEmail);

        var responses = await AtOnceAsync([() => OrderByApiAsync(member, carnet), () => OrderByApiAsync(member, subscription)]);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal(1, await app.WithDbAsync(db => db.Invoices.CountAsync()));
    }

    private static async Task<HttpResponseMessage[]> AtOnceAsync(IEnumerable<Func<Task<HttpResponseMessage>>> requests)
    {
        using var start = new ManualResetEventSlim();
        var tasks = requests.Select(r => Task.Run(async () =>
        {
            start.Wait();
            return await r();
        })).ToList();
        start.Set();
        return await Task.WhenAll(tasks);
    }
}
