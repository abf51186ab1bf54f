using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Billing;

public sealed class CompanyAccountTests
{
    [Fact]
    public async Task A_company_is_invoiced_once_a_month_for_its_members_usage()
    {
        await using var app = await TestApp.StartAsync();
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);

        var bad = await (await manager.SubmitFormAsync("/gestion/entreprises", new Dictionary<string, string>
        {
            ["Input.Name"] = "Atelier du Causse", ["Input.Siret"] = "73282932000075", ["Input.BillingAddress"] = "1 rue Haute, 46140 Luzech",
        })).ParseAsync();
        Assert.StartsWith("Le SIRET comporte 14 chiffres", bad.QuerySelector("#Input_Siret-error").Text(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Companies.CountAsync()));

        var created = await manager.SubmitFormAsync("/gestion/entreprises", new Dictionary<string, string>
        {
            ["Input.Name"] = "Atelier du Causse", ["Input.Siret"] = "732 829 320 00074", ["Input.BillingAddress"] = "1 rue Haute, 46140 Luzech",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var companyPage = created.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitFormAsync(companyPage, new Dictionary<string, string> { ["Email"] = TestApp.MemberEmail }, "form.form")).StatusCode);
        var twice = await (await manager.SubmitFormAsync(companyPage, new Dictionary<string, string> { ["Email"] = TestApp.MemberEmail }, "form.form")).ParseAsync();
        Assert.StartsWith("Ce membre est déjà rattaché", twice.QuerySelector("#Email-error").Text(), StringComparison.Ordinal);

        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == "luzech" && r.Name == "Espace partagé").Select(r => r.Id).SingleAsync());
        await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "day" });
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));
        var network = await app.WithDbAsync(db => db.Networks.Select(n => n.Id).SingleAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var invoice = Assert.Single(await scope.ServiceProvider.GetRequiredService<MonthlyInvoicing>().RunAsync(network, 2026, 12, CancellationToken.None));

        Assert.Equal("Atelier du Causse", invoice.ClientName);
        Assert.Equal("73282932000074", invoice.ClientSiret);
        Assert.True(invoice.IsBusinessClient);
        Assert.Null(invoice.UserId);
        Assert.Contains("Sophie Martin", invoice.Lines.Single().Description, StringComparison.Ordinal);
    }
}
