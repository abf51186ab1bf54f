using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Billing.Entitlements;
using Cotravail.Web.Features.Billing.Products;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Billing;

/// <summary>
/// ADR 0029: a host reads the invoices that concern the sites they host, takes a payment on any invoice of their
/// network named by its number, and never reaches another network's invoices; a manager reads every invoice of their network.
/// </summary>
public sealed class InvoiceAccessTests
{
    private sealed record World(
        TestApp App, Dictionary<string, Invoice> Invoices, int Luzech, int Lalbenque, string CausseHostEmail, string CausseManagerEmail);

    private static async Task<World> ArrangeAsync(string provider)
    {
        var app = await TestApp.StartAsync(provider);
        var lot = await app.WithDbAsync(db => db.Networks.Where(n => n.Slug == DemoData.NetworkSlug).Select(n => n.Id).SingleAsync());
        var member = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == TestApp.MemberEmail));
        var luzech = (await app.SiteAsync("luzech")).Id;
        var (causse, lalbenque, causseManager) = await app.CreateOtherNetworkAsync();
        await app.WithDbAsync(db => db.Networks.Where(n => n.Id == causse.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.InvoicePrefix, "C")));
        var causseHost = await app.CreateUserAsync("accueil@causse.test", Roles.Host);
        await app.WithDbAsync(async db =>
        {
            db.SiteHosts.Add(new SiteHost { SiteId = lalbenque.Id, UserId = causseHost.Id });
            return await db.SaveChangesAsync();
        });
        var booking = await (await app.ApiClientAsync(TestApp.MemberEmail)).PostJsonAsync("/api/v1/bookings",
            new { resourceId = await ProductsAndEntitlementsTests.DesksAsync(app), date = "2026-12-03", period = "day" });
        var bookingId = (await booking.JsonAsync()).GetProperty("id").GetInt32();

        var invoices = new Dictionary<string, Invoice>();
        await app.WithScopeAsync(async services =>
        {
            var issuer = services.GetRequiredService<InvoiceIssuer>();
            var sales = services.GetRequiredService<Sales>();
            var client = new ClientIdentity(member.Id, "Sophie Martin", null, member.Email);
            async Task<Invoice> Plain(int network, string client2) =>
                await issuer.IssueAsync(network, new ClientIdentity(null, client2, null, null), [new LineRequest("Pass journée", 1, 1500, 2000)], CancellationToken.None);
            async Task<int> Carnet(string slug) => await services.GetRequiredService<AppDbContext>().Products
                .Where(p => p.Site!.Slug == slug && p.Kind == ProductKind.Carnet).Select(p => p.Id).FirstAsync();

            // Concerning Luzech: a carnet of Luzech, a month's booking at Luzech.
            invoices["carnet-luzech"] = (await sales.SellAsync(new SaleRequest(await Carnet("luzech"), member.Id, 1), null, CancellationToken.None)).Invoice!;
            invoices["reservation-luzech"] = await issuer.IssueAsync(lot, client, [new LineRequest("Pass journée – Luzech", 1, 1500, 2000)], CancellationToken.None);
            var db = services.GetRequiredService<AppDbContext>();
            db.InvoicedBookings.Add(new InvoicedBooking { BookingId = bookingId, InvoiceId = invoices["reservation-luzech"].Id });
            await db.SaveChangesAsync();
            // Not concerning: an invoice paid at Luzech's desk (a payment opens nothing), the demo host's sites (Luzech, Prayssac): a carnet of Puy-l'Évêque, an invoice concerning no site; and the Causse's own.
            invoices["carnet-puy"] = (await sales.SellAsync(new SaleRequest(await Carnet("puy-l-eveque"), member.Id, 1), null, CancellationToken.None)).Invoice!;
            invoices["sans-espace"] = await Plain(lot, "Client sans espace");
            invoices["payee-luzech"] = await Plain(lot, "Client du bureau de Luzech");
            await services.GetRequiredService<Payments>().RecordAsync(
                new PaymentRequest(invoices["payee-luzech"].Id, PaymentMethod.Card, 500, luzech, null, null, null), "accueil", CancellationToken.None);
            invoices["causse"] = await Plain(causse.Id, "Client du Causse");
        });
        return new World(app, invoices, luzech, lalbenque.Id, causseHost.Email!, causseManager.Email!);
    }

    private static async Task<List<string>> SearchAsync(HttpClient client, string q = "")
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/invoices" + (q.Length > 0 ? "?q=" + Uri.EscapeDataString(q) : ""));
        return [.. list.EnumerateArray().Select(i => i.GetProperty("number").GetString()!)];
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_host_reads_the_invoices_of_their_sites_and_takes_a_payment_on_any_invoice_of_the_network_by_its_number(string provider)
    {
        var world = await ArrangeAsync(provider);
        await using var app = world.App;
        var numbers = world.Invoices.ToDictionary(i => i.Key, i => i.Value.Number);
        var host = await app.ApiClientAsync(TestApp.HostEmail); // hosts Luzech and Prayssac, not Puy-l'Évêque

        var seen = await SearchAsync(host);
        Assert.Equal(new[] { numbers["carnet-luzech"], numbers["reservation-luzech"] }.Order(), seen.Order());
        Assert.Empty(await SearchAsync(host, numbers["carnet-puy"]));
        Assert.Empty(await SearchAsync(host, "Client sans espace"));
        Assert.Empty(await SearchAsync(host, "bureau de Luzech"));
        Assert.Equal(new[] { numbers["carnet-luzech"], numbers["reservation-luzech"] }.Order(), (await SearchAsync(host, "sophie")).Order()); // not her carnet of Puy
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync(new Uri($"/api/v1/invoices/{world.Invoices["carnet-luzech"].Id}/pdf", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync(new Uri($"/api/v1/invoices/{world.Invoices["carnet-puy"].Id}/pdf", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync(new Uri($"/api/v1/invoices/{world.Invoices["sans-espace"].Id}/pdf", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync(new Uri($"/api/v1/invoices/{world.Invoices["payee-luzech"].Id}/pdf", UriKind.Relative))).StatusCode);

        // The person brings an invoice of Puy-l'Évêque to Luzech's desk: the host takes it by its number, at the till or through the API.
        var browser = app.Browser();
        await browser.SignInAsync(TestApp.HostEmail);
        var till = await browser.SubmitFormAsync("/accueil/luzech/caisse", new Dictionary<string, string>
        {
            ["Pay.InvoiceNumber"] = numbers["carnet-puy"].ToLowerInvariant(), ["Pay.Method"] = "Cash", ["Pay.Amount"] = "20,00",
        }, "form[action$='handler=Pay']", postTo: "/accueil/luzech/caisse?handler=Pay");
        Assert.Equal(HttpStatusCode.Redirect, till.StatusCode);
        var paid = await host.PostJsonAsync("/api/v1/payments", new { invoiceNumber = numbers["sans-espace"], method = "card", amountCents = 1000, siteId = world.Luzech });
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        var answer = await paid.JsonAsync();
        Assert.Equal(500, answer.GetProperty("remainingDueCents").GetInt32());
        Assert.DoesNotContain("Client sans espace", answer.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(3, await app.WithDbAsync(db => db.Payments.CountAsync(p => p.SiteId == world.Luzech)));

        // A manager reads every invoice of their network, none of another.
        var manager = await app.ApiClientAsync(TestApp.ManagerEmail);
        var all = await SearchAsync(manager);
        Assert.Equal(world.Invoices.Where(i => i.Key != "causse").Select(i => i.Value.Number).Order(), all.Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_host_or_manager_of_another_network_never_reaches_this_networks_invoices(string provider)
    {
        var world = await ArrangeAsync(provider);
        await using var app = world.App;
        foreach (var (email, own) in new[] { (world.CausseHostEmail, Array.Empty<string>()), (world.CausseManagerEmail, new[] { world.Invoices["causse"].Number }) })
        {
            var other = await app.ApiClientAsync(email);
            Assert.Equal(own, await SearchAsync(other)); // their host reads only what concerns Lalbenque: here, nothing
            foreach (var (_, invoice) in world.Invoices.Where(i => i.Key != "causse"))
            {
                Assert.Empty(await SearchAsync(other, invoice.Number));
                Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/v1/invoices/{invoice.Id}/pdf", UriKind.Relative))).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await other.PostJsonAsync("/api/v1/payments", new { invoiceId = invoice.Id, method = "transfer", amountCents = 100 })).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await other.PostJsonAsync("/api/v1/payments", new { invoiceNumber = invoice.Number, method = "transfer", amountCents = 100 })).StatusCode);
            }
        }
        // At the desk of their own site, a number of the other network is unknown; the other network's till is closed to them.
        var browser = app.Browser();
        await browser.SignInAsync(world.CausseHostEmail);
        var unknown = await (await browser.SubmitFormAsync("/accueil/lalbenque/caisse", new Dictionary<string, string>
        {
            ["Pay.InvoiceNumber"] = world.Invoices["carnet-luzech"].Number, ["Pay.Method"] = "Cash", ["Pay.Amount"] = "10",
        }, "form[action$='handler=Pay']", postTo: "/accueil/lalbenque/caisse?handler=Pay")).ParseAsync();
        Assert.Equal("Aucune facture de ce réseau n'a ce numéro.", unknown.QuerySelector("#Pay_InvoiceNumber-error").Text());
        var foreign = await browser.GetAsync(new Uri("/accueil/luzech/caisse", UriKind.Relative));
        Assert.Contains("/compte/acces-refuse", foreign.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Payments.CountAsync())); // the one taken at Luzech while arranging
    }
}
