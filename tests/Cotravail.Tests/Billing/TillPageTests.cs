using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Billing;

public sealed class TillPageTests
{
    private const string PayForm = "form[action$='handler=Pay']";

    [Fact]
    public async Task The_host_takes_cash_for_an_invoice_once_and_closes_the_till()
    {
        await using var app = await TestApp.StartAsync();
        var network = await app.WithDbAsync(db => db.Networks.Select(n => n.Id).SingleAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<InvoiceIssuer>().IssueAsync(network, new ClientIdentity(null, "Sophie Martin", null, null),
                [new LineRequest("Pass journée", 2, 1500, 2000)], CancellationToken.None);
        }
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);

        var tooMuchResponse = await host.SubmitFormAsync("/accueil/luzech/caisse", new Dictionary<string, string>
        {
            ["Pay.InvoiceNumber"] = "F2026-000001", ["Pay.Method"] = "Cash", ["Pay.Amount"] = "31,00",
        }, PayForm, postTo: "/accueil/luzech/caisse?handler=Pay");
        var tooMuch = await tooMuchResponse.ParseAsync();
        Assert.True(tooMuchResponse.StatusCode == HttpStatusCode.OK, $"{tooMuchResponse.StatusCode} {tooMuchResponse.Headers.Location} {tooMuch.QuerySelector("main")?.TextContent}");
        Assert.True(tooMuch.QuerySelector("#Pay_Amount-error") is not null, tooMuch.QuerySelector("main")!.InnerHtml[..3000]);
        Assert.Equal("Le montant dépasse ce qui reste dû (30,00 €).", tooMuch.QuerySelector("#Pay_Amount-error").Text());
        var unknown = await (await host.SubmitFormAsync("/accueil/luzech/caisse", new Dictionary<string, string>
        {
            ["Pay.InvoiceNumber"] = "F2026-999999", ["Pay.Method"] = "Cash", ["Pay.Amount"] = "10",
        }, PayForm, postTo: "/accueil/luzech/caisse?handler=Pay")).ParseAsync();
        Assert.Equal("Aucune facture de ce réseau n'a ce numéro.", unknown.QuerySelector("#Pay_InvoiceNumber-error").Text());

        // The same form sent twice (a double click) records one payment.
        var form = await host.GetDocumentAsync("/accueil/luzech/caisse");
        var token = form.QuerySelector("input[name='Pay.Token']")!.GetAttribute("value")!;
        var fields = new Dictionary<string, string>
        {
            ["Pay.Token"] = token, ["Pay.InvoiceNumber"] = "f2026-000001", ["Pay.Method"] = "Cash", ["Pay.Amount"] = "20,00",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await host.SubmitFormAsync("/accueil/luzech/caisse", fields, PayForm, postTo: "/accueil/luzech/caisse?handler=Pay")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await host.SubmitFormAsync("/accueil/luzech/caisse", fields, PayForm, postTo: "/accueil/luzech/caisse?handler=Pay")).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Payments.CountAsync()));

        var page = await host.GetDocumentAsync("/accueil/luzech/caisse");
        Assert.Contains("Espèces attendues dans la caisse : 20,00 €.", page.Body.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await host.SubmitFormAsync("/accueil/luzech/caisse",
            new Dictionary<string, string> { ["Close.Counted"] = "20" }, "form[action$='handler=Close']", postTo: "/accueil/luzech/caisse?handler=Close")).StatusCode);
        Assert.Equal(0, (await app.WithDbAsync(db => db.CashUps.SingleAsync())).DifferenceCents);

        var foreign = await host.GetAsync(new Uri("/accueil/puy-l-eveque/caisse", UriKind.Relative));
        Assert.Contains("/compte/acces-refuse", foreign.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
