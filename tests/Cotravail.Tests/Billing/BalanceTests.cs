using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Billing;

public sealed class BalanceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_member_sees_what_remains_to_pay_after_partial_payments_and_credit_notes(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var network = await app.WithDbAsync(db => db.Networks.Select(n => n.Id).SingleAsync());
        var member = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == TestApp.MemberEmail));
        int first;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var issuer = scope.ServiceProvider.GetRequiredService<InvoiceIssuer>();
            var client = new ClientIdentity(member.Id, member.DisplayName, null, member.Email);
            first = (await issuer.IssueAsync(network, client, [new LineRequest("Pass journée", 2, 1500, 2000)], CancellationToken.None)).Id;
            var second = await issuer.IssueAsync(network, client, [new LineRequest("Pass demi-journée", 1, 800, 2000)], CancellationToken.None);
            await issuer.CreditAsync(second.Id, CancellationToken.None);
        }
        var host = await app.ApiClientAsync(TestApp.HostEmail);
        await host.PostJsonAsync("/api/v1/payments", new { invoiceId = first, method = "card", amountCents = 700, siteId = (await app.SiteAsync("luzech")).Id });

        var api = await app.ApiClientAsync(TestApp.MemberEmail);
        Assert.Equal(2300, (await api.GetFromJsonAsync<JsonElement>("/api/v1/me/balance")).GetProperty("dueCents").GetInt32());
        var browser = app.Browser();
        await browser.SignInAsync(TestApp.MemberEmail);
        var page = await browser.GetDocumentAsync("/mes-factures");
        Assert.Contains("Reste à payer : 23,00 €", page.QuerySelector("main").Text(), StringComparison.Ordinal);
    }
}
