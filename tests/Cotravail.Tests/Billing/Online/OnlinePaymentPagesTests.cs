using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Billing.Entitlements.Mine;
using Cotravail.Web.Features.Billing.Online;
using Cotravail.Web.Features.Billing.Products;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Billing.Online;

/// <summary>Where members pay and managers set the provider: no button without a provider or with nothing due; secrets never shown back.</summary>
public sealed class OnlinePaymentPagesTests
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The member's antiforgery token, from a page with a form.</summary>
    private static async Task<string> TokenAsync(HttpClient member) =>
        (await member.GetDocumentAsync("/mes-droits")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    [Fact]
    public async Task Without_a_provider_or_with_nothing_due_no_pay_button_is_shown_and_paying_is_refused_with_a_message()
    {
        await using var w = await OnlineWorld.StartAsync();
        var invoice = await w.SellAsync();
        var free = await w.IssueAsync(w.NetworkId, 0);
        var member = await w.MemberAsync();

        Assert.Null((await member.GetDocumentAsync("/mes-factures")).QuerySelector("#pay-online"));
        Assert.Null((await member.GetDocumentAsync("/mon-espace")).QuerySelector("#a-regler a[href$='/payer']"));
        var page = await member.GetDocumentAsync($"/mes-factures/{Id(invoice.Id)}/payer");
        Assert.Null(page.QuerySelector("form#pay-online"));
        Assert.Contains("ne propose pas le paiement en ligne", page.QuerySelector("#pay-problem").Text(), StringComparison.Ordinal);
        var forced = await member.PostAsync(new Uri($"/mes-factures/{Id(invoice.Id)}/payer", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await TokenAsync(member) }));
        Assert.True(forced.StatusCode is HttpStatusCode.BadRequest, $"{forced.StatusCode}");
        var carnet = await ProductsAndEntitlementsTests.ProductAsync(w.App, ProductKind.Subscription);
        Assert.Null((await member.GetDocumentAsync(OnlineOrderPagesTests.SummaryUrl(carnet))).QuerySelector("#pay-card"));

        // With a provider: the unpaid invoice gets its button everywhere, the invoice of 0 € none.
        await w.SetPayFipAsync(w.NetworkId);
        var links = (await member.GetDocumentAsync("/mes-factures")).QuerySelectorAll("#pay-online a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal($"/mes-factures/{Id(invoice.Id)}/payer", Assert.Single(links));
        Assert.NotNull((await member.GetDocumentAsync("/mon-espace")).QuerySelector($"#a-regler a[href='/mes-factures/{Id(invoice.Id)}/payer']"));
        var nothing = await member.GetDocumentAsync($"/mes-factures/{Id(free.Id)}/payer");
        Assert.Null(nothing.QuerySelector("form#pay-online"));
        Assert.Contains("il n'y a rien à payer", nothing.QuerySelector("#pay-problem").Text(), StringComparison.Ordinal);
        Assert.Empty(w.Fakes.PayFip);

        // Only one's own invoices.
        var other = w.App.Browser();
        await other.SignInAsync((await w.App.CreateUserAsync("autre@exemple.fr")).Email!);
        await other.GetDocumentAsync($"/mes-factures/{Id(invoice.Id)}/payer", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_order_paid_online_goes_to_the_provider_and_the_api_gives_its_page()
    {
        await using var w = await OnlineWorld.StartAsync();
        await w.SetPayFipAsync(w.NetworkId);
        var carnet = await ProductsAndEntitlementsTests.ProductAsync(w.App, ProductKind.Carnet);
        var subscription = await ProductsAndEntitlementsTests.ProductAsync(w.App, ProductKind.Subscription);
        var member = await w.MemberAsync();

        Assert.NotNull((await member.GetDocumentAsync(OnlineOrderPagesTests.SummaryUrl(carnet))).QuerySelector("#pay-card"));
        var ordered = await OnlineOrderPagesTests.OrderOnPageAsync(member, carnet, payment: "Card");
        Assert.Equal(HttpStatusCode.Redirect, ordered.StatusCode);
        Assert.Contains("/tpa/paiementws.web?idop=", ordered.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        var invoice = await w.App.WithDbAsync(db => db.Invoices.SingleAsync());
        Assert.Equal(invoice.Number, Assert.Single(w.Fakes.PayFip.Values)["refdet"]);
        var result = await member.GetDocumentAsync(OrderedModel.Link(invoice.Id, Cotravail.Web.Features.Billing.Entitlements.PaymentChoice.Card));
        Assert.Equal($"/mes-factures/{Id(invoice.Id)}/payer", result.QuerySelector("#pay-online a")!.GetAttribute("href"));

        var api = await member.PostAsJsonAsync(new Uri("/api/v1/me/orders", UriKind.Relative), new { productId = subscription, payment = "card" });
        Assert.Equal(HttpStatusCode.Created, api.StatusCode);
        var body = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("/tpa/paiementws.web?idop=", body.GetProperty("cardPaymentUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_sets_the_provider_of_their_network_its_secrets_are_kept_protected_and_bad_input_is_refused()
    {
        await using var w = await OnlineWorld.StartAsync();
        var (other, _, otherManager) = await w.App.CreateOtherNetworkAsync();
        var manager = w.App.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var url = $"/gestion/reseau/paiement-en-ligne?reseau={Id(w.NetworkId)}";

        var noNumcli = await manager.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Kind"] = "PayFip", ["Input.PayFipNumcli"] = "", ["Input.PayFipSaisie"] = "T" });
        Assert.Equal(HttpStatusCode.BadRequest, noNumcli.StatusCode);
        Assert.Contains("Indiquez le numéro de client PayFiP", (await noNumcli.ParseAsync()).QuerySelector("main").Text(), StringComparison.Ordinal);
        var badMode = await manager.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Kind"] = "PayFip", ["Input.PayFipNumcli"] = "12ab", ["Input.PayFipSaisie"] = "Z" });
        Assert.Equal(HttpStatusCode.BadRequest, badMode.StatusCode);
        var text = (await badMode.ParseAsync()).QuerySelector("main").Text();
        Assert.Contains("6 chiffres", text, StringComparison.Ordinal);
        Assert.Contains("test, activation ou production", text, StringComparison.Ordinal);
        var noSecrets = await manager.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Kind"] = "Stripe", ["Input.StripeSecretKey"] = "pk_live_x" });
        Assert.Equal(HttpStatusCode.BadRequest, noSecrets.StatusCode);
        var weird = await manager.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Kind"] = "7" });
        Assert.Equal(HttpStatusCode.BadRequest, weird.StatusCode);
        Assert.Equal(0, await w.App.WithDbAsync(db => db.Set<NetworkPaymentProvider>().CountAsync()));

        var saved = await manager.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Kind"] = "Stripe", ["Input.StripeSecretKey"] = OnlineWorld.KeyA, ["Input.StripeWebhookSecret"] = OnlineWorld.HookA, ["Input.SepaDebitEnabled"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var row = await w.App.WithDbAsync(db => db.Set<NetworkPaymentProvider>().AsNoTracking().SingleAsync());
        Assert.Equal(OnlineProviderKind.Stripe, row.Kind);
        Assert.True(row.SepaDebitEnabled);
        Assert.DoesNotContain("networkA", row.StripeSecretKeyProtected!, StringComparison.Ordinal);
        Assert.DoesNotContain("networkA", row.StripeWebhookSecretProtected!, StringComparison.Ordinal);
        var html = await (await manager.GetAsync(new Uri(url, UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.DoesNotContain(OnlineWorld.KeyA, html, StringComparison.Ordinal);
        Assert.DoesNotContain(OnlineWorld.HookA, html, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/online-payments/stripe/{Id(w.NetworkId)}/webhook", html, StringComparison.Ordinal);

        // Blank secrets keep the stored ones; switching to PayFiP keeps nothing of SEPA.
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Kind"] = "Stripe" })).StatusCode);
        Assert.Equal(row.StripeSecretKeyProtected, await w.App.WithDbAsync(db => db.Set<NetworkPaymentProvider>().Select(p => p.StripeSecretKeyProtected).SingleAsync()));

        // The manager of another network: not this one.
        var outsider = w.App.Browser();
        await outsider.SignInAsync(otherManager.Email!);
        var denied = await outsider.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(denied.StatusCode == HttpStatusCode.Forbidden || denied.Headers.Location?.OriginalString.Contains("acces-refuse", StringComparison.Ordinal) == true,
            $"{denied.StatusCode} {denied.Headers.Location}");
        var own = await outsider.GetDocumentAsync("/gestion/reseau/paiement-en-ligne");
        Assert.Contains(other.Name, own.QuerySelector("h1").Text(), StringComparison.Ordinal);
        var member = await w.MemberAsync();
        Assert.NotEqual(HttpStatusCode.OK, (await member.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
    }
}
