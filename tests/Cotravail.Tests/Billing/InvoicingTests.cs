using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Cotravail.Tests.Billing;

public sealed class InvoicingTests
{
    private static Task<int> NetworkIdAsync(TestApp app) =>
        app.WithDbAsync(db => db.Networks.Select(n => n.Id).SingleAsync());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Twenty_invoices_issued_at_once_get_twenty_consecutive_numbers(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var network = await NetworkIdAsync(app);

        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            start.Wait();
            await using var scope = app.Services.CreateAsyncScope();
            var issuer = scope.ServiceProvider.GetRequiredService<InvoiceIssuer>();
            var invoice = await issuer.IssueAsync(network, new ClientIdentity(null, $"Client {i}", null, null),
                [new LineRequest("Pass journée", 1, 1500, 2000)], CancellationToken.None);
            return invoice.Number;
        })).ToList();
        start.Set();
        var numbers = await Task.WhenAll(tasks);

        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"F2026-{n:000000}").Order(), numbers.Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_month_of_bookings_is_invoiced_once_with_every_mention_in_the_pdf(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == "luzech" && r.Name == "Espace partagé").Select(r => r.Id).SingleAsync());
        foreach (var (date, period) in new[] { ("2026-12-03", "day"), ("2026-12-04", "day"), ("2026-12-08", "morning") })
        {
            Assert.Equal(HttpStatusCode.Created, (await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date, period })).StatusCode);
        }
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));
        var network = await NetworkIdAsync(app);

        var first = await RunAsync(app, network);
        var again = await RunAsync(app, network);

        var invoice = Assert.Single(first);
        Assert.Empty(again);
        Assert.Equal("F2027-000001", invoice.Number);
        Assert.Equal(3800, invoice.TotalInclTaxCents); // 2 × 15 € + 8 €
        Assert.Equal(invoice.TotalInclTaxCents, invoice.TotalExclTaxCents + invoice.VatCents);

        member = await app.ApiClientAsync(TestApp.MemberEmail);
        var mine = await member.GetFromJsonAsync<JsonElement>("/api/v1/me/invoices");
        Assert.Equal("F2027-000001", mine[0].GetProperty("number").GetString());
        var pdf = await member.GetByteArrayAsync(new Uri(mine[0].GetProperty("pdfUrl").GetString()!, UriKind.Relative));
        using var document = PdfDocument.Open(pdf);
        var text = string.Join(" ", document.GetPages().Select(p => p.Text));
        foreach (var mention in new[]
        {
            "Facture n° F2027-000001", "Communauté de communes de la Vallée du Lot et du Vignoble", "SIRET : 20006654600017",
            "FR25200066546", "Sophie Martin", "Pass journée – Tiers-lieu de Luzech – décembre 2026", "Total HT", "31,67 €",
            "TVA", "6,33 €", "Total TTC", "38,00 €", "Paiement à 30 jours", "trois fois le taux d'intérêt légal", "Échéance : 3 février 2027",
        })
        {
            Assert.Contains(mention, text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("40 €", text, StringComparison.Ordinal); // a private person, not a business client

        var stranger = (await app.NewMembersAsync(1))[0];
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri(mine[0].GetProperty("pdfUrl").GetString()!, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_credit_note_cancels_an_invoice_once_and_takes_the_next_number()
    {
        await using var app = await TestApp.StartAsync();
        var network = await NetworkIdAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var issuer = scope.ServiceProvider.GetRequiredService<InvoiceIssuer>();
        var invoice = await issuer.IssueAsync(network, new ClientIdentity(null, "Atelier du Causse", "1 rue Haute\n46140 Luzech", null, "73282932000074", IsBusiness: true),
            [new LineRequest("Salle de réunion, 2 h", 1, 2000, 2000)], CancellationToken.None);

        var credit = await issuer.CreditAsync(invoice.Id, CancellationToken.None);
        Assert.NotNull(credit);
        Assert.Equal("F2026-000002", credit.Number);
        Assert.Equal(InvoiceKind.CreditNote, credit.Kind);
        Assert.Equal(invoice.TotalInclTaxCents, credit.TotalInclTaxCents);
        Assert.Null(await issuer.CreditAsync(invoice.Id, CancellationToken.None));

        var client = app.Browser();
        await client.SignInAsync(TestApp.ManagerEmail);
        var pdf = await client.GetByteArrayAsync(new Uri($"/api/v1/invoices/{credit.Id}/pdf", UriKind.Relative));
        using var document = PdfDocument.Open(pdf);
        var text = string.Join(" ", document.GetPages().Select(p => p.Text));
        Assert.Contains("Avoir n° F2026-000002", text, StringComparison.Ordinal);
        Assert.Contains("Avoir sur la facture n° F2026-000001", text, StringComparison.Ordinal);
        Assert.Contains("indemnité forfaitaire pour frais de recouvrement de 40 €", text, StringComparison.Ordinal);
        var original = await app.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == invoice.Id));
        Assert.Equal(2000, original.TotalInclTaxCents); // the invoice itself never changes
    }

    [Fact]
    public async Task The_manager_invoices_a_finished_month_from_the_page_but_not_the_current_one()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.SignInAsync(TestApp.ManagerEmail);
        var network = await NetworkIdAsync(app);

        var current = await (await client.SubmitFormAsync("/gestion/factures", new Dictionary<string, string> { ["networkId"] = $"{network}", ["Month"] = "2026-12" },
            formSelector: "main form[method=post]", postTo: "/gestion/factures?handler=InvoiceMonth")).ParseAsync();
        Assert.StartsWith("Ce mois n'est pas terminé", current.QuerySelector("#Month-error").Text(), StringComparison.Ordinal);
        var bad = await (await client.SubmitFormAsync("/gestion/factures", new Dictionary<string, string> { ["networkId"] = $"{network}", ["Month"] = "2026-13" },
            formSelector: "main form[method=post]", postTo: "/gestion/factures?handler=InvoiceMonth")).ParseAsync();
        Assert.Equal("Ce mois n'existe pas.", bad.QuerySelector("#Month-error").Text());

        var done = await client.SubmitFormAsync("/gestion/factures", new Dictionary<string, string> { ["networkId"] = $"{network}", ["Month"] = "2026-11" },
            formSelector: "main form[method=post]", postTo: "/gestion/factures?handler=InvoiceMonth");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Invoices.CountAsync()));
    }

    private static async Task<IReadOnlyList<Invoice>> RunAsync(TestApp app, int network)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MonthlyInvoicing>().RunAsync(network, 2026, 12, CancellationToken.None);
    }
}
