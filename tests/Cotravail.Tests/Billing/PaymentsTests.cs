using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Billing;

public sealed class PaymentsTests
{
    private static async Task<(int InvoiceId, int SiteId)> InvoiceAsync(TestApp app, int cents = 3800)
    {
        var network = await app.WithDbAsync(db => db.Networks.Select(n => n.Id).SingleAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var invoice = await scope.ServiceProvider.GetRequiredService<InvoiceIssuer>().IssueAsync(network,
            new ClientIdentity(null, "Sophie Martin", null, TestApp.MemberEmail), [new LineRequest("Passes", 1, cents, 2000)], CancellationToken.None);
        return (invoice.Id, (await app.SiteAsync("luzech")).Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_host_records_partial_payments_until_nothing_is_due_and_never_more(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (invoice, site) = await InvoiceAsync(app);
        var host = await app.ApiClientAsync(TestApp.HostEmail);

        var cash = await host.PostJsonAsync("/api/v1/payments", new { invoiceId = invoice, method = "cash", amountCents = 1500, siteId = site });
        Assert.Equal(HttpStatusCode.Created, cash.StatusCode);
        Assert.Equal(2300, (await cash.JsonAsync()).GetProperty("remainingDueCents").GetInt32());

        var noNumber = await host.PostJsonAsync("/api/v1/payments", new { invoiceId = invoice, method = "cheque", amountCents = 2300, siteId = site });
        Assert.Equal(HttpStatusCode.BadRequest, noNumber.StatusCode);
        var tooMuch = await host.PostJsonAsync("/api/v1/payments", new { invoiceId = invoice, method = "card", amountCents = 2301, siteId = site });
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Contains("23,00 €", (await tooMuch.JsonAsync()).GetProperty("errors").GetProperty("amountCents")[0].GetString(), StringComparison.Ordinal);
        var negative = await host.PostJsonAsync("/api/v1/payments", new { invoiceId = invoice, method = "card", amountCents = -5, siteId = site });
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);

        var cheque = await host.PostJsonAsync("/api/v1/payments", new { invoiceId = invoice, method = "cheque", amountCents = 2300, siteId = site, chequeNumber = "1234567", chequeBank = "Crédit Agricole" });
        Assert.Equal(0, (await cheque.JsonAsync()).GetProperty("remainingDueCents").GetInt32());
        Assert.Equal(3800, await app.WithDbAsync(db => db.Payments.SumAsync(p => p.AmountCents)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Ten_payments_at_once_never_pay_more_than_is_due(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (invoice, site) = await InvoiceAsync(app);
        var host = await app.ApiClientAsync(TestApp.HostEmail);

        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return (await host.PostJsonAsync("/api/v1/payments", new { invoiceId = invoice, method = "card", amountCents = 1000, siteId = site })).StatusCode;
        })).ToList();
        start.Set();
        var statuses = await Task.WhenAll(tasks);

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.Created)); // 3 × 10 € ≤ 38 €
        Assert.Equal(7, statuses.Count(s => s == HttpStatusCode.BadRequest));
        Assert.Equal(3000, await app.WithDbAsync(db => db.Payments.SumAsync(p => p.AmountCents)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_host_pays_several_invoices_at_once_with_one_receipt_never_above_what_is_due(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (first, site) = await InvoiceAsync(app, 2000);
        var (second, _) = await InvoiceAsync(app, 3000);
        var host = await app.ApiClientAsync(TestApp.HostEmail);

        var tooMuch = await host.PostJsonAsync("/api/v1/payments", new { invoiceIds = new[] { second, first }, method = "cash", amountCents = 5001, siteId = site });
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Contains("50,00 €", (await tooMuch.JsonAsync()).GetProperty("errors").GetProperty("amountCents")[0].GetString(), StringComparison.Ordinal);
        var noSite = await host.PostJsonAsync("/api/v1/payments", new { invoiceIds = new[] { second, first }, method = "card", amountCents = 100 });
        Assert.Equal(HttpStatusCode.BadRequest, noSite.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Payments.CountAsync()));

        var paid = await host.PostJsonAsync("/api/v1/payments", new { invoiceIds = new[] { second, first }, method = "cash", amountCents = 3500, siteId = site });
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        var receipt = await paid.JsonAsync();
        Assert.Equal("R2026-000001", receipt.GetProperty("receiptNumber").GetString());
        Assert.Equal(1500, receipt.GetProperty("remainingDueCents").GetInt32());
        Assert.Equal([(first, 2000), (second, 1500)], receipt.GetProperty("payments").EnumerateArray()
            .Select(p => (p.GetProperty("invoiceId").GetInt32(), p.GetProperty("amountCents").GetInt32())));

        // An invoice of another network in the list: nothing found, nothing paid.
        var (other, _, _) = await app.CreateOtherNetworkAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var foreign = await scope.ServiceProvider.GetRequiredService<InvoiceIssuer>().IssueAsync(other.Id, new ClientIdentity(null, "Client du Causse", null, null),
            [new LineRequest("Pass", 1, 1000, 2000)], CancellationToken.None);
        var mixed = await host.PostJsonAsync("/api/v1/payments", new { invoiceIds = new[] { second, foreign.Id }, method = "card", amountCents = 100, siteId = site });
        Assert.Equal(HttpStatusCode.NotFound, mixed.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Payments.CountAsync()));
    }

    [Fact]
    public async Task A_double_submission_records_the_payment_once()
    {
        await using var app = await TestApp.StartAsync();
        var (invoice, site) = await InvoiceAsync(app);
        var host = await app.ApiClientAsync(TestApp.HostEmail);
        var body = new { invoiceId = invoice, method = "cash", amountCents = 1500, siteId = site };
        var first = await host.PostJsonAsync("/api/v1/payments", body, "paiement-42");
        var second = await host.PostJsonAsync("/api/v1/payments", body, "paiement-42");
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal((await first.JsonAsync()).GetProperty("id").GetInt32(), (await second.JsonAsync()).GetProperty("id").GetInt32());
        Assert.Equal(1, await app.WithDbAsync(db => db.Payments.CountAsync()));
    }

    [Fact]
    public async Task Members_and_hosts_of_another_network_cannot_record_payments()
    {
        await using var app = await TestApp.StartAsync();
        var (invoice, site) = await InvoiceAsync(app);
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostJsonAsync("/api/v1/payments", new { invoiceId = invoice, method = "cash", amountCents = 100, siteId = site })).StatusCode);
        var (_, _, otherManager) = await app.CreateOtherNetworkAsync();
        var other = await app.ApiClientAsync(otherManager.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostJsonAsync("/api/v1/payments", new { invoiceId = invoice, method = "transfer", amountCents = 100 })).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Payments.CountAsync()));
    }

    [Fact]
    public async Task A_closed_cash_up_keeps_its_figures_and_later_cash_goes_to_the_next_one()
    {
        await using var app = await TestApp.StartAsync();
        var (invoice, site) = await InvoiceAsync(app);
        var host = await app.ApiClientAsync(TestApp.HostEmail);
        await host.PostJsonAsync("/api/v1/payments", new { invoiceId = invoice, method = "cash", amountCents = 1500, siteId = site });
        await host.PostJsonAsync("/api/v1/payments", new { invoiceId = invoice, method = "card", amountCents = 800, siteId = site });

        await using var scope = app.Services.CreateAsyncScope();
        var payments = scope.ServiceProvider.GetRequiredService<Payments>();
        Assert.Equal(1500, await payments.ExpectedCashAsync(site, CancellationToken.None));
        var closed = (await payments.CloseCashUpAsync(new CashUpRequest(site, new DateOnly(2026, 12, 1), 1450, "Pièce manquante", -50), "host", CancellationToken.None)).CashUp!;
        Assert.Equal(-50, closed.DifferenceCents);

        await host.PostJsonAsync("/api/v1/payments", new { invoiceId = invoice, method = "cash", amountCents = 500, siteId = site });
        Assert.Equal(500, await payments.ExpectedCashAsync(site, CancellationToken.None));
        var again = await app.WithDbAsync(db => db.CashUps.AsNoTracking().SingleAsync(c => c.Id == closed.Id));
        Assert.Equal(1500, again.ExpectedCents);
        Assert.Equal(1, await app.WithDbAsync(db => db.Payments.CountAsync(p => p.CashUpId == closed.Id)));
    }
}
