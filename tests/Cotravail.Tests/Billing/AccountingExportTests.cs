using System.Net;
using System.Text;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Billing;

public sealed class AccountingExportTests
{
    [Fact]
    public async Task The_accountant_gets_the_sales_and_payments_journals_of_a_period()
    {
        await using var app = await TestApp.StartAsync();
        var network = await app.WithDbAsync(db => db.Networks.Select(n => n.Id).SingleAsync());
        int invoiceId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var issuer = scope.ServiceProvider.GetRequiredService<InvoiceIssuer>();
            var invoice = await issuer.IssueAsync(network, new ClientIdentity(null, "Sophie Martin", null, null), [new LineRequest("Pass journée", 2, 1500, 2000)], CancellationToken.None);
            var other = await issuer.IssueAsync(network, new ClientIdentity(null, "=HYPERLINK(\"x\")", null, null), [new LineRequest("Pass journée", 1, 1500, 2000)], CancellationToken.None);
            await issuer.CreditAsync(other.Id, CancellationToken.None);
            invoiceId = invoice.Id;
        }
        var host = await app.ApiClientAsync(TestApp.HostEmail);
        var luzech = (await app.SiteAsync("luzech")).Id;
        await host.PostJsonAsync("/api/v1/payments", new { invoiceId, method = "cheque", amountCents = 3000, siteId = luzech, chequeNumber = "0001234", chequeBank = "La Banque Postale" });

        var manager = await app.ApiClientAsync(TestApp.ManagerEmail);
        var sales = Encoding.UTF8.GetString(await manager.GetByteArrayAsync(new Uri("/api/v1/exports/ventes.csv?from=2026-12-01&to=2026-12-31", UriKind.Relative))).TrimStart('\uFEFF');
        var lines = sales.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("Journal;Date;Numéro;Type;Client", lines[0], StringComparison.Ordinal);
        Assert.Equal("VE;01/12/2026;F2026-000001;Facture;Sophie Martin;;411000;706000;445710;25,00;5,00;30,00;", lines[1]);
        Assert.Contains(";F2026-000003;Avoir;", lines[3], StringComparison.Ordinal);
        Assert.EndsWith(";-12,50;-2,50;-15,00;F2026-000002", lines[3], StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", lines[2], StringComparison.Ordinal); // a formula is written as text

        var payments = Encoding.UTF8.GetString(await manager.GetByteArrayAsync(new Uri("/api/v1/exports/encaissements.csv?from=2026-12-01&to=2026-12-01", UriKind.Relative))).TrimStart('\uFEFF');
        Assert.Contains("BQ;01/12/2026;F2026-000001;Sophie Martin;chèque;512000;411000;30,00;0001234;La Banque Postale;", payments, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync(new Uri("/api/v1/exports/ventes.csv?from=2026-12-31&to=2026-12-01", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.GetAsync(new Uri("/api/v1/exports/ventes.csv?from=2026-12-01&to=2026-12-31", UriKind.Relative))).StatusCode);
    }
}
