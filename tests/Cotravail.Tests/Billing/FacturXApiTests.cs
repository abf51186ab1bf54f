using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using static Cotravail.Tests.Billing.FacturXRules;

namespace Cotravail.Tests.Billing;

/// <summary>
/// ADR 0054 through the API: an invoice's Factur-X XML for whoever reads its PDF (and the member's own), equal to the
/// XML inside the PDF; a period's Factur-X PDFs of one network in a zip for its managers, nothing of another network;
/// bad periods answered with ProblemDetails.
/// </summary>
public sealed class FacturXApiTests
{
    private sealed record World(TestApp App, int Lot, int Causse, Dictionary<string, Invoice> Invoices, string CausseManager);

    private static async Task<World> ArrangeAsync(string provider)
    {
        var app = await TestApp.StartAsync(provider);
        var lot = await app.WithDbAsync(db => db.Networks.Where(n => n.Slug == DemoData.NetworkSlug).Select(n => n.Id).SingleAsync());
        await app.WithDbAsync(db => db.Networks.Where(n => n.Id == lot).ExecuteUpdateAsync(s => s.SetProperty(n => n.VatOnDebits, true)));
        var (causse, _, causseManager) = await app.CreateOtherNetworkAsync();
        await app.WithDbAsync(db => db.Networks.Where(n => n.Id == causse.Id).ExecuteUpdateAsync(s => s
            .SetProperty(n => n.InvoicePrefix, "C").SetProperty(n => n.Siret, "21460156200011").SetProperty(n => n.VatRateBasisPoints, 0)
            .SetProperty(n => n.VatExemptionMention, "TVA non applicable, art. 293 B du CGI")));
        var member = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == TestApp.MemberEmail));
        var luzech = await app.WithDbAsync(db => db.Sites.SingleAsync(s => s.Slug == "luzech"));
        var invoices = new Dictionary<string, Invoice>();
        await app.WithScopeAsync(async services =>
        {
            var issuer = services.GetRequiredService<InvoiceIssuer>();
            var ct = CancellationToken.None;
            invoices["member"] = await issuer.IssueAsync(lot, new ClientIdentity(member.Id, "Sophie Martin", null, member.Email),
                [new LineRequest("Pass journée – Luzech", 3, 1500, 2000)], InvoiceMentions.PlaceOfService(luzech), ct);
            invoices["business"] = await issuer.IssueAsync(lot, new ClientIdentity(null, "Les Ateliers du Quercy", "Zone artisanale du Pech\n46220 Prayssac", "compta@ateliers.test", "73282932000074", IsBusiness: true),
                [new LineRequest("Bureau privatif, journée – novembre 2026", 4, 2500, 2000)], ct);
            invoices["credit"] = (await issuer.CreditAsync(invoices["member"].Id, ct))!;
            invoices["october"] = await issuer.IssueAsync(lot, new ClientIdentity(null, "Client d'octobre", null, null), [new LineRequest("Pass journée", 1, 1500, 2000)], ct);
            invoices["causse"] = await issuer.IssueAsync(causse.Id, new ClientIdentity(null, "Client du Causse", null, null), [new LineRequest("Pass journée – Lalbenque", 2, 1200, 0)], ct);
        });
        // Issued on other days: the business client's in November, one in October (outside the period asked).
        await app.WithDbAsync(db => db.Invoices.Where(i => i.Id == invoices["business"].Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.IssueDate, new DateOnly(2026, 11, 15))));
        await app.WithDbAsync(db => db.Invoices.Where(i => i.Id == invoices["october"].Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.IssueDate, new DateOnly(2026, 10, 31))));
        return new World(app, lot, causse.Id, invoices, causseManager.Email!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_xml_of_an_invoice_is_the_one_its_pdf_carries_for_its_readers_only(string provider)
    {
        var world = await ArrangeAsync(provider);
        await using var _ = world.App;
        var manager = await world.App.ApiClientAsync(TestApp.ManagerEmail);
        foreach (var name in new[] { "member", "business", "credit" })
        {
            var id = world.Invoices[name].Id;
            var xml = await manager.GetAsync($"/api/v1/invoices/{id}/facturx");
            Assert.Equal(HttpStatusCode.OK, xml.StatusCode);
            Assert.Equal("application/xml", xml.Content.Headers.ContentType!.MediaType);
            var bytes = await xml.Content.ReadAsByteArrayAsync();
            Assert.Empty(SchemaErrors(bytes));
            Assert.Empty(Broken(XDocument.Load(new MemoryStream(bytes))));
            using var pdf = PdfDocument.Open(await manager.GetByteArrayAsync($"/api/v1/invoices/{id}/pdf"));
            Assert.True(pdf.Advanced.TryGetEmbeddedFiles(out var files));
            Assert.Equal(bytes, Assert.Single(files).Bytes.ToArray());
        }
        var doc = XDocument.Load(new MemoryStream(await manager.GetByteArrayAsync($"/api/v1/invoices/{world.Invoices["member"].Id}/facturx")));
        // Issued once the network opted for VAT on debits, at Luzech (the place of the services, the member having no address).
        Assert.Equal("5", doc.Descendants(Ram + "DueDateTypeCode").Single().Value);
        Assert.Equal("Tiers-lieu de Luzech", doc.Descendants(Ram + "ShipToTradeParty").Single().Element(Ram + "Name")!.Value);
        var credit = XDocument.Load(new MemoryStream(await manager.GetByteArrayAsync($"/api/v1/invoices/{world.Invoices["credit"].Id}/facturx")));
        Assert.Equal(world.Invoices["member"].Number, credit.Descendants(Ram + "InvoiceReferencedDocument").Single().Element(Ram + "IssuerAssignedID")!.Value);
        Assert.Equal("Tiers-lieu de Luzech", credit.Descendants(Ram + "ShipToTradeParty").Single().Element(Ram + "Name")!.Value);

        // The member reads their own; nobody else's, and another network's manager nothing of this one.
        var mine = await (await world.App.ApiClientAsync(TestApp.MemberEmail)).GetAsync($"/api/v1/me/invoices/{world.Invoices["member"].Id}/facturx");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(await manager.GetByteArrayAsync($"/api/v1/invoices/{world.Invoices["member"].Id}/facturx"), await mine.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await (await world.App.ApiClientAsync(TestApp.MemberEmail)).GetAsync($"/api/v1/me/invoices/{world.Invoices["business"].Id}/facturx")).StatusCode);
        var causse = await world.App.ApiClientAsync(world.CausseManager);
        Assert.Equal(HttpStatusCode.NotFound, (await causse.GetAsync($"/api/v1/invoices/{world.Invoices["member"].Id}/facturx")).StatusCode);
        var own = XDocument.Load(new MemoryStream(await causse.GetByteArrayAsync($"/api/v1/invoices/{world.Invoices["causse"].Id}/facturx")));
        Assert.Equal("VATEX-FR-FRANCHISE", own.Descendants(Ram + "ExemptionReasonCode").Single().Value);
        Assert.Empty(Broken(own));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_zip_holds_exactly_the_periods_invoices_of_the_network(string provider)
    {
        var world = await ArrangeAsync(provider);
        await using var _ = world.App;
        var manager = await world.App.ApiClientAsync(TestApp.ManagerEmail);
        var response = await manager.GetAsync($"/api/v1/invoices/facturx.zip?from=2026-11-01&to=2026-12-31&networkId={world.Lot}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        var entries = await EntriesAsync(response);
        Assert.Equal(new[] { "member", "business", "credit" }.Select(n => world.Invoices[n].Number + ".pdf").Order(), entries.Keys.Order());
        foreach (var (name, pdfBytes) in entries)
        {
            using var pdf = PdfDocument.Open(pdfBytes);
            Assert.True(pdf.Advanced.TryGetEmbeddedFiles(out var files));
            var xml = XDocument.Load(new MemoryStream(Assert.Single(files).Bytes.ToArray()));
            Assert.Equal(name[..^4], xml.Root!.Element(Rsm + "ExchangedDocument")!.Element(Ram + "ID")!.Value);
        }

        // The other network's manager gets theirs, and nothing of the Lot's.
        var causse = await world.App.ApiClientAsync(world.CausseManager);
        Assert.Equal(HttpStatusCode.Forbidden, (await causse.GetAsync($"/api/v1/invoices/facturx.zip?from=2026-11-01&to=2026-12-31&networkId={world.Lot}")).StatusCode);
        var theirs = await EntriesAsync(await causse.GetAsync($"/api/v1/invoices/facturx.zip?from=2026-11-01&to=2026-12-31&networkId={world.Causse}"));
        Assert.Equal([world.Invoices["causse"].Number + ".pdf"], theirs.Keys.ToArray());
        // An empty period is an empty zip.
        Assert.Empty(await EntriesAsync(await manager.GetAsync($"/api/v1/invoices/facturx.zip?from=2026-01-01&to=2026-01-31&networkId={world.Lot}")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_periods_and_people_who_are_not_the_networks_managers_are_refused(string provider)
    {
        var world = await ArrangeAsync(provider);
        await using var _ = world.App;
        var manager = await world.App.ApiClientAsync(TestApp.ManagerEmail);
        foreach (var (query, field) in new[]
        {
            ($"from=2026-12-31&to=2026-12-01&networkId={world.Lot}", "to"),
            ($"from=2025-01-01&to=2026-12-31&networkId={world.Lot}", "to"),
            ($"to=2026-12-31&networkId={world.Lot}", "from"),
            ($"from=2026-12-01&networkId={world.Lot}", "to"),
            ($"from=2026-02-30&to=2026-12-31&networkId={world.Lot}", "from"),
            ("from=2026-12-01&to=2026-12-31", "networkId"),
            ("from=2026-12-01&to=2026-12-31&networkId=abc", "networkId"),
        })
        {
            var response = await manager.GetAsync("/api/v1/invoices/facturx.zip?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"{query}: {problem}");
            Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        }
        var period = $"from=2026-12-01&to=2026-12-31&networkId={world.Lot}";
        Assert.Equal(HttpStatusCode.Forbidden, (await (await world.App.ApiClientAsync(TestApp.HostEmail)).GetAsync("/api/v1/invoices/facturx.zip?" + period)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await world.App.ApiClientAsync(TestApp.MemberEmail)).GetAsync("/api/v1/invoices/facturx.zip?" + period)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/api/v1/invoices/facturx.zip?from=2026-12-01&to=2026-12-31&networkId={world.Causse}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/v1/invoices/999999/facturx")).StatusCode);
    }

    [Fact]
    public async Task The_network_form_keeps_the_vat_on_debits_option_and_the_next_invoice_says_it()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.SignInAsync(TestApp.ManagerEmail);
        var id = await app.WithDbAsync(db => db.Networks.Where(n => n.Slug == DemoData.NetworkSlug).Select(n => n.Id).SingleAsync());
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Vallée du Lot et du Vignoble",
            ["Input.LegalName"] = "Communauté de communes de la Vallée du Lot et du Vignoble",
            ["Input.LegalAddress"] = "Place de la Mairie\n46140 Luzech",
            ["Input.Siret"] = "20006654600017",
            ["Input.VatNumber"] = "FR25200066546",
            ["Input.VatOnDebits"] = "true",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"/gestion/reseaux/{id}", fields)).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Networks.Where(n => n.Id == id).Select(n => n.VatOnDebits).SingleAsync()));
        var page = await client.GetDocumentAsync($"/gestion/reseaux/{id}");
        Assert.True(page.QuerySelector("input[name='Input.VatOnDebits']")!.HasAttribute("checked"));

        Invoice invoice = null!;
        await app.WithScopeAsync(async services => invoice = await services.GetRequiredService<InvoiceIssuer>().IssueAsync(
            id, new ClientIdentity(null, "Client", null, null), [new LineRequest("Pass journée", 1, 1500, 2000)], CancellationToken.None));
        Assert.True(invoice.VatOnDebits);
        using (var pdf = PdfDocument.Open(Web.Features.Billing.Pdf.InvoicePdf.Render(invoice)))
        {
            Assert.Contains("d'après les débits", string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)), StringComparison.Ordinal);
        }

        fields.Remove("Input.VatOnDebits");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"/gestion/reseaux/{id}", fields)).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Networks.Where(n => n.Id == id).Select(n => n.VatOnDebits).SingleAsync()));
    }

    private static async Task<Dictionary<string, byte[]>> EntriesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var entries = new Dictionary<string, byte[]>();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            entries[entry.FullName] = copy.ToArray();
        }
        return entries;
    }
}
