using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Billing.Products;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Billing;

/// <summary>Ordering a carnet or a subscription on « Mes droits »: a summary first, one order per confirmation, a result without a form.</summary>
public sealed class OnlineOrderPagesTests
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    internal static string SummaryUrl(int product, int quantity = 1) => $"/mes-droits/commande?produit={Id(product)}&quantite={Id(quantity)}";

    /// <summary>The summary's confirmation form, as the browser would send it.</summary>
    internal static async Task<Dictionary<string, string>> ConfirmFieldsAsync(HttpClient browser, int product, int quantity = 1, string payment = "AtDesk")
    {
        var summary = await browser.GetDocumentAsync(SummaryUrl(product, quantity));
        var form = summary.QuerySelector("form#confirm-order") ?? throw new InvalidOperationException("No confirmation form: " + summary.QuerySelector("main").Text());
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["Order.Payment"] = payment;
        return fields;
    }

    internal static Task<HttpResponseMessage> ConfirmAsync(HttpClient browser, Dictionary<string, string> fields) =>
        browser.PostAsync(new Uri("/mes-droits/commande", UriKind.Relative), new FormUrlEncodedContent(fields));

    /// <summary>Chooses, confirms and returns the confirmation's answer (a redirect to the result when the order is placed).</summary>
    internal static async Task<HttpResponseMessage> OrderOnPageAsync(HttpClient browser, int product, int quantity = 1, string payment = "AtDesk") =>
        await ConfirmAsync(browser, await ConfirmFieldsAsync(browser, product, quantity, payment));

    [Fact]
    public async Task The_summary_shows_the_members_price_dates_sites_and_ways_to_pay_and_orders_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var carnet = await ProductsAndEntitlementsTests.ProductAsync(app, ProductKind.Carnet);
        var subscription = await ProductsAndEntitlementsTests.ProductAsync(app, ProductKind.Subscription);
        var site = await app.SiteAsync("luzech");
        var memberId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == TestApp.MemberEmail).Select(u => u.Id).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            db.MemberCategoryGrants.Add(new MemberCategoryGrant
            {
                NetworkId = site.NetworkId, UserId = memberId, Category = MemberCategory.JobSeeker, ValidatedByUserId = memberId, ValidatedAtUtc = TestApp.DefaultNow.UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });
        var browser = app.Browser();
        await browser.SignInAsync(TestApp.MemberEmail);

        var chosen = await browser.SubmitFormAsync("/mes-droits", new Dictionary<string, string> { ["Order.ProductId"] = Id(carnet), ["Order.Quantity"] = "2" }, "main form.form");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal(SummaryUrl(carnet, 2), chosen.Headers.Location!.OriginalString);

        var page = await browser.GetDocumentAsync(SummaryUrl(carnet, 2));
        Assert.Equal("Vérifiez votre commande", page.QuerySelector("h1").Text());
        var summary = page.QuerySelector("#order-summary").Text();
        foreach (var text in new[]
        {
            "Carnet de 10 journées — Tiers-lieu de Luzech (10 journées, valable 6 mois)", "2 carnets", "90,00 €", "prix normal 130,00 €",
            "Total TTC 180,00 €", "du mardi 1er décembre 2026 au lundi 31 mai 2027",
            "Petit tiers-lieu de Puy-l'Évêque", "Tiers-lieu de Luzech", "Tiers-lieu de Prayssac", "à régler sous 30 jours",
        })
        {
            Assert.Contains(text, summary.Replace('\u00a0', ' '), StringComparison.Ordinal);
        }
        var form = page.QuerySelector("form#confirm-order")!;
        Assert.NotNull(form.QuerySelector("#pay-desk"));
        Assert.Contains("IBAN FR76 3000 1000 6400 0001 2345 618 – BIC BDFEFRPPCCT", form.QuerySelector("#pay-transfer-hint").Text(), StringComparison.Ordinal);
        Assert.Null(form.QuerySelector("#pay-card")); // no card payment is set up
        Assert.Equal("Confirmer la commande", form.QuerySelector("button[type=submit]").Text());
        var edit = form.QuerySelector("a.button.secondary")!;
        Assert.Equal("Modifier", edit.Text());
        Assert.Equal($"/mes-droits?produit={Id(carnet)}&quantite=2#commander", edit.GetAttribute("href"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Invoices.CountAsync()));

        // « Modifier » comes back to the choice as it was.
        var back = await browser.GetDocumentAsync($"/mes-droits?produit={Id(carnet)}&quantite=2");
        Assert.True(back.QuerySelector($"#product-{Id(carnet)}")!.HasAttribute("checked"));
        Assert.Equal("2", back.QuerySelector("#Order_Quantity")!.GetAttribute("value"));

        var months = (await browser.GetDocumentAsync(SummaryUrl(subscription, 3))).QuerySelector("#order-summary").Text().Replace('\u00a0', ' ');
        Assert.Contains("3 mois", months, StringComparison.Ordinal);
        Assert.Contains("du mardi 1er décembre 2026 au dimanche 28 février 2027 (3 mois consécutifs)", months, StringComparison.Ordinal);
        Assert.Contains("Total TTC 300,00 €", months, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_product_of_another_network_shows_that_networks_sites_and_no_transfer_without_its_bank_details()
    {
        await using var app = await TestApp.StartAsync();
        var (_, otherSite, _) = await app.CreateOtherNetworkAsync();
        var product = await app.WithDbAsync(async db =>
        {
            var p = new Product { SiteId = otherSite.Id, Kind = ProductKind.Carnet, Name = "Carnet du Causse", PriceCents = 10000, Days = 10, ValidityMonths = 3 };
            db.Products.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var browser = app.Browser();
        await browser.SignInAsync(TestApp.MemberEmail);

        var page = await browser.GetDocumentAsync(SummaryUrl(product));
        var summary = page.QuerySelector("#order-summary").Text();
        Assert.Contains("Tiers-lieu de Lalbenque", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Luzech", summary, StringComparison.Ordinal);
        Assert.Contains("Communauté de communes du Causse", summary, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#pay-transfer"));
        Assert.DoesNotContain("FR76", page.QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form#confirm-order #pay-desk"));
    }

    [Fact]
    public async Task Confirming_places_one_order_and_its_result_shows_the_invoice_and_how_to_pay_without_a_form()
    {
        await using var app = await TestApp.StartAsync();
        var carnet = await ProductsAndEntitlementsTests.ProductAsync(app, ProductKind.Carnet);
        var browser = app.Browser();
        await browser.SignInAsync(TestApp.MemberEmail);

        var confirmed = await OrderOnPageAsync(browser, carnet, payment: "Transfer");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var invoice = await app.WithDbAsync(db => db.Invoices.SingleAsync());
        Assert.Equal($"/mes-droits/commande/{Id(invoice.Id)}?reglement=virement", confirmed.Headers.Location!.OriginalString);
        Assert.Equal(1, await app.WithDbAsync(db => db.Entitlements.CountAsync()));
        var result = await browser.GetDocumentAsync(confirmed.Headers.Location.OriginalString);
        Assert.Equal("Commande enregistrée", result.QuerySelector("h1").Text());
        var facts = result.QuerySelector("#order-result").Text().Replace('\u00a0', ' ');
        Assert.Contains("Facture F2026-000001", facts, StringComparison.Ordinal);
        Assert.Contains("Montant 130,00 €", facts, StringComparison.Ordinal);
        Assert.Contains("Carnet de 10 journées du mardi 1er décembre 2026 au lundi 31 mai 2027", facts, StringComparison.Ordinal);
        Assert.Contains("130,00 €, au plus tard le jeudi 31 décembre 2026", facts, StringComparison.Ordinal);
        Assert.Contains("Vous avez choisi de régler par virement : IBAN FR76 3000 1000 6400 0001 2345 618 – BIC BDFEFRPPCCT, référence F2026-000001.",
            result.QuerySelector("#how-to-pay").Text(), StringComparison.Ordinal);
        Assert.Empty(result.QuerySelectorAll("main form"));
        var links = result.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/api/v1/me/invoices/{Id(invoice.Id)}/pdf", links);
        Assert.Contains("/mes-droits", links);
        var pdf = await browser.GetAsync(new Uri($"/api/v1/me/invoices/{Id(invoice.Id)}/pdf", UriKind.Relative));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);

        // Only the member's own.
        var other = app.Browser();
        await other.SignInAsync((await app.CreateUserAsync("autre@exemple.fr")).Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(confirmed.Headers.Location)).StatusCode);
    }

    [Fact]
    public async Task The_same_confirmation_sent_twice_places_one_order_and_leads_both_times_to_its_result()
    {
        await using var app = await TestApp.StartAsync();
        var carnet = await ProductsAndEntitlementsTests.ProductAsync(app, ProductKind.Carnet);
        var browser = app.Browser();
        await browser.SignInAsync(TestApp.MemberEmail);
        var fields = await ConfirmFieldsAsync(browser, carnet);

        var first = await ConfirmAsync(browser, fields);
        var second = await ConfirmAsync(browser, fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await app.WithDbAsync(db => db.Invoices.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Entitlements.CountAsync()));
        Assert.Single(app.Mails(), m => m.Subject?.StartsWith("Facture ", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_second_order_of_a_product_still_unpaid_is_refused_with_a_message_on_the_summary_and_on_confirmation()
    {
        await using var app = await TestApp.StartAsync();
        var carnet = await ProductsAndEntitlementsTests.ProductAsync(app, ProductKind.Carnet);
        var browser = app.Browser();
        await browser.SignInAsync(TestApp.MemberEmail);
        var openedBefore = await ConfirmFieldsAsync(browser, carnet); // a second tab, opened before the first order

        Assert.Equal(HttpStatusCode.Redirect, (await OrderOnPageAsync(browser, carnet)).StatusCode);

        const string message = "Vous avez déjà commandé ce produit et sa facture F2026-000001 n'est pas encore réglée : réglez-la avant d'en commander un autre.";
        var summary = await browser.GetDocumentAsync(SummaryUrl(carnet));
        Assert.Equal(message, summary.QuerySelector("#order-problem").Text());
        Assert.Null(summary.QuerySelector("form#confirm-order"));
        Assert.Equal("Commande impossible", summary.QuerySelector("h1").Text());

        var late = await ConfirmAsync(browser, openedBefore);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var refused = await late.ParseAsync();
        Assert.Equal(message, refused.QuerySelector("#order-problem").Text());
        Assert.Null(refused.QuerySelector("form#confirm-order"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Invoices.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Entitlements.CountAsync()));
    }

    [Fact]
    public async Task A_summary_of_what_cannot_be_ordered_or_a_confirmation_without_a_way_to_pay_says_why_and_orders_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var carnet = await ProductsAndEntitlementsTests.ProductAsync(app, ProductKind.Carnet);
        var day = await ProductsAndEntitlementsTests.ProductAsync(app, ProductKind.DayPass);
        var browser = app.Browser();
        await browser.SignInAsync(TestApp.MemberEmail);

        async Task<string> ProblemAsync(string url)
        {
            var page = await browser.GetDocumentAsync(url);
            Assert.Null(page.QuerySelector("form#confirm-order"));
            return page.QuerySelector("#order-problem").Text();
        }

        Assert.Equal("Ce produit n'existe pas.", await ProblemAsync("/mes-droits/commande?produit=999999&quantite=1"));
        Assert.Equal("Choisissez un carnet ou un abonnement.", await ProblemAsync("/mes-droits/commande?produit=abc&quantite=1"));
        Assert.Contains("le reste se règle à l'accueil", await ProblemAsync(SummaryUrl(day)), StringComparison.Ordinal);
        Assert.Equal("La quantité va de 1 à 12.", await ProblemAsync(SummaryUrl(carnet, 13)));

        var fields = await ConfirmFieldsAsync(browser, carnet);
        fields.Remove("Order.Payment");
        var noPayment = await (await ConfirmAsync(browser, fields)).ParseAsync();
        Assert.Equal("Choisissez comment vous réglez.", noPayment.QuerySelector("#Order_Payment-error").Text());
        Assert.NotNull(noPayment.QuerySelector("form#confirm-order"));
        fields["Order.Payment"] = "Card";
        var card = await (await ConfirmAsync(browser, fields)).ParseAsync();
        Assert.Contains("ne propose pas le paiement en ligne", card.QuerySelector("#Order_Payment-error").Text(), StringComparison.Ordinal);
        fields["Order.Quantity"] = "40";
        Assert.Equal("La quantité va de 1 à 12.", (await (await ConfirmAsync(browser, fields)).ParseAsync()).QuerySelector("#order-problem").Text());
        Assert.Equal(0, await app.WithDbAsync(db => db.Invoices.CountAsync()));
    }
}
