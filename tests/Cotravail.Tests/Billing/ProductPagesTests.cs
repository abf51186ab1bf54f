using System.Globalization;
using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Billing.Products;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Billing;

public sealed class ProductPagesTests
{
    private static Dictionary<string, string> Carnet(string price = "200,00") => new()
    {
        ["Input.Kind"] = "Carnet", ["Input.Name"] = "Carnet de 20 journées", ["Input.Price"] = price,
        ["Input.JobSeekerPrice"] = "", ["Input.StudentPrice"] = "150", ["Input.Days"] = "20", ["Input.ValidityMonths"] = "12",
    };

    [Fact]
    public async Task A_manager_adds_a_carnet_and_bad_input_changes_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var site = (await app.SiteAsync("luzech")).Id;
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var url = $"/gestion/espaces/{site}/produits";
        var before = await app.WithDbAsync(db => db.Products.CountAsync());

        var negative = await manager.SubmitFormAsync(url, Carnet("-5"), "main form.form");
        Assert.Equal(HttpStatusCode.OK, negative.StatusCode);
        Assert.Contains("montant en euros positif", (await negative.ParseAsync()).QuerySelector("#Input_Price-error").Text(), StringComparison.Ordinal);

        var noDays = Carnet();
        noDays["Input.Days"] = "";
        noDays["Input.ValidityMonths"] = "0";
        var page = await (await manager.SubmitFormAsync(url, noDays, "main form.form")).ParseAsync();
        Assert.Contains("Un carnet a un nombre de journées.", page.QuerySelector("#Input_Days-error").Text(), StringComparison.Ordinal);
        Assert.Contains("La validité va de 1 à 36 mois.", page.QuerySelector("#Input_ValidityMonths-error").Text(), StringComparison.Ordinal);

        var tooCheap = Carnet();
        tooCheap["Input.StudentPrice"] = "250";
        Assert.Contains("ne dépasse pas le prix normal", (await (await manager.SubmitFormAsync(url, tooCheap, "main form.form")).ParseAsync()).QuerySelector("#Input_StudentPrice-error").Text(), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Products.CountAsync()));

        var added = await manager.SubmitFormAsync(url, Carnet(), "main form.form");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var product = await app.WithDbAsync(db => db.Products.SingleAsync(p => p.Name == "Carnet de 20 journées"));
        Assert.Equal((20000, 15000, (int?)null, 20, 12), (product.PriceCents, product.StudentPriceCents!.Value, product.JobSeekerPriceCents, product.Days!.Value, product.ValidityMonths!.Value));
        Assert.Contains("Carnet de 20 journées", (await manager.GetDocumentAsync(url)).QuerySelector("table").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_day_pass_price_is_the_booking_price_and_archived_products_are_no_longer_sold()
    {
        await using var app = await TestApp.StartAsync();
        var site = (await app.SiteAsync("luzech")).Id;
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var day = await ProductsAndEntitlementsTests.ProductAsync(app, ProductKind.DayPass);

        var saved = await manager.SubmitFormAsync($"/gestion/espaces/{site}/produits/{day}", new Dictionary<string, string>
        {
            ["Input.Kind"] = "DayPass", ["Input.Name"] = "Pass journée", ["Input.Price"] = "17", ["Input.JobSeekerPrice"] = "", ["Input.StudentPrice"] = "",
            ["Input.Days"] = "", ["Input.ValidityMonths"] = "",
        }, "main form.form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1700, (await app.SiteAsync("luzech")).DayPriceCents);
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var booked = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = await ProductsAndEntitlementsTests.DesksAsync(app), date = "2026-12-03", period = "day" });
        Assert.Equal(1700, (await booked.JsonAsync()).GetProperty("priceCents").GetInt32());

        var carnet = await ProductsAndEntitlementsTests.ProductAsync(app, ProductKind.Carnet);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitFormAsync($"/gestion/espaces/{site}/produits/{carnet}", new Dictionary<string, string>(), "form[action$='handler=Archive']")).StatusCode);
        var products = await app.CreateClient().GetStringAsync(new Uri($"/api/v1/sites/{site}/products", UriKind.Relative));
        Assert.DoesNotContain("\"carnet\"", products, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Managers_of_another_network_and_hosts_cannot_manage_products()
    {
        await using var app = await TestApp.StartAsync();
        var site = (await app.SiteAsync("luzech")).Id;
        var (_, _, otherManager) = await app.CreateOtherNetworkAsync();
        var other = app.Browser();
        await other.SignInAsync(otherManager.Email!);
        var forbidden = await other.GetAsync(new Uri($"/gestion/espaces/{site}/produits", UriKind.Relative));
        Assert.Contains("/compte/acces-refuse", forbidden.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);
        var response = await host.GetAsync(new Uri($"/gestion/espaces/{site}/produits", UriKind.Relative));
        Assert.Contains("/compte/acces-refuse", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_validates_a_students_category_then_sells_a_carnet_at_the_reduced_price_paid_in_cash()
    {
        await using var app = await TestApp.StartAsync();
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);
        var url = "/accueil/luzech/vente";

        var validated = await host.SubmitFormAsync(url, new Dictionary<string, string> { ["Category.Email"] = TestApp.MemberEmail, ["Category.Category"] = "Student" }, "form[action$='handler=Category']");
        Assert.Equal(HttpStatusCode.Redirect, validated.StatusCode);
        var grant = await app.WithDbAsync(db => db.MemberCategoryGrants.SingleAsync());
        var hostId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == TestApp.HostEmail).Select(u => u.Id).SingleAsync());
        Assert.Equal((MemberCategory.Student, hostId), (grant.Category, grant.ValidatedByUserId));
        Assert.Equal(TestApp.DefaultNow.UtcDateTime, grant.ValidatedAtUtc);

        var carnet = (await ProductsAndEntitlementsTests.ProductAsync(app, ProductKind.Carnet)).ToString(CultureInfo.InvariantCulture);
        var zero = await host.SubmitFormAsync(url, new Dictionary<string, string> { ["Sell.Email"] = TestApp.MemberEmail, ["Sell.ProductId"] = carnet, ["Sell.Quantity"] = "0", ["Sell.Method"] = "Cash" }, "form[action$='handler=Sell']");
        Assert.Equal(HttpStatusCode.OK, zero.StatusCode);
        Assert.Contains("La quantité va de 1 à 12.", (await zero.ParseAsync()).QuerySelector("#Sell_Quantity-error").Text(), StringComparison.Ordinal);
        var unknown = await host.SubmitFormAsync(url, new Dictionary<string, string> { ["Sell.Email"] = "personne@nulle-part.test", ["Sell.ProductId"] = carnet, ["Sell.Quantity"] = "1" }, "form[action$='handler=Sell']");
        Assert.Contains("Aucun compte n'a cette adresse", (await unknown.ParseAsync()).QuerySelector("#Sell_Email-error").Text(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Invoices.CountAsync()));

        var sold = await host.SubmitFormAsync(url, new Dictionary<string, string> { ["Sell.Email"] = TestApp.MemberEmail, ["Sell.ProductId"] = carnet, ["Sell.Quantity"] = "1", ["Sell.Method"] = "Cash" }, "form[action$='handler=Sell']");
        Assert.Equal(HttpStatusCode.Redirect, sold.StatusCode);
        // Paid on the spot: the host lands on its receipt, to print or e-mail.
        var receipt = await app.WithDbAsync(db => db.Receipts.SingleAsync());
        Assert.Equal($"/accueil/luzech/caisse/recus/{receipt.Id}", sold.Headers.Location!.OriginalString);
        Assert.Equal(9000, receipt.TotalCents);
        var invoice = await app.WithDbAsync(db => db.Invoices.Include(i => i.Lines).SingleAsync());
        Assert.Equal(9000, invoice.TotalInclTaxCents);
        Assert.Contains("Carnet de 10 journées", invoice.Lines.Single().Description, StringComparison.Ordinal);
        var payment = await app.WithDbAsync(db => db.Payments.SingleAsync());
        Assert.Equal((PaymentMethod.Cash, 9000, invoice.Id), (payment.Method, payment.AmountCents, payment.InvoiceId));
        var entitlement = await app.WithDbAsync(db => db.Entitlements.SingleAsync());
        Assert.Equal((10, hostId, invoice.Id), (entitlement.Days!.Value, entitlement.SoldByUserId!, entitlement.InvoiceId));

        // The student's half-day booking without days left would use the reduced half-day price: here the carnet covers it.
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var booked = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = await ProductsAndEntitlementsTests.DesksAsync(app), date = "2026-12-03", period = "morning" });
        Assert.Equal(0, (await booked.JsonAsync()).GetProperty("priceCents").GetInt32());
        var room = await app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == "prayssac" && r.Kind == Cotravail.Web.Features.Sites.ResourceKind.DeskPool).Select(r => r.Id).FirstAsync());
        await app.WithDbAsync(db => db.Entitlements.ExecuteUpdateAsync(s => s.SetProperty(e => e.Used, 10)));
        var reduced = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = room, date = "2026-12-03", period = "day" });
        Assert.Equal(1000, (await reduced.JsonAsync()).GetProperty("priceCents").GetInt32());
    }
}
