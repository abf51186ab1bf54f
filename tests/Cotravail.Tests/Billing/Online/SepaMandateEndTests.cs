using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Billing.Online;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Billing.Online;

/// <summary>
/// A member's SEPA mandate ends when they say so on the payment page, or when their account is deleted; then no invoice is
/// charged to it. « Mes données » lists their online payments and mandates, the provider's ids masked.
/// </summary>
public sealed class SepaMandateEndTests
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<(OnlineWorld World, HttpClient Member, int InvoiceId)> SignedAsync()
    {
        var w = await OnlineWorld.StartAsync();
        await w.SetStripeAsync(w.NetworkId, sepa: true);
        var first = await w.SellAsync();
        var member = await w.MemberAsync();
        var mandate = await member.SubmitFormAsync($"/mes-factures/{Id(first.Id)}/payer", new Dictionary<string, string>(), "#sepa-mandate form");
        Assert.Equal(HttpStatusCode.Redirect, mandate.StatusCode);
        var location = mandate.Headers.Location!.AbsoluteUri;
        await w.WebhookAsync(w.NetworkId, "checkout.session.completed", w.Fakes.StripeSetup(location[(location.LastIndexOf('/') + 1)..]), OnlineWorld.HookA);
        Assert.NotNull(await w.App.WithDbAsync(db => db.Set<SepaMandate>().AsNoTracking().SingleOrDefaultAsync(m => m.EndedAtUtc == null)));
        return (w, member, first.Id);
    }

    private static async Task<int> ChargeAsync(OnlineWorld w)
    {
        var charged = 0;
        await w.App.WithScopeAsync(async sp => charged = await sp.GetRequiredService<OnlinePayments>().ChargeMandatesAsync(CancellationToken.None));
        return charged;
    }

    [Fact]
    public async Task The_member_ends_the_mandate_from_the_payment_page_and_the_next_invoice_is_not_debited()
    {
        var (w, member, invoiceId) = await SignedAsync();
        await using var _ = w;

        var data = (await (await w.App.ApiClientAsync(TestApp.MemberEmail)).GetFromJsonAsync<JsonElement>("/api/v1/me/data")).GetProperty("donnees");
        var shown = data.GetProperty("mandats-sepa")[0];
        Assert.Matches("^cus_….{4}$", shown.GetProperty("clientChezLePrestataire").GetString());
        Assert.Matches("^pm_s….{4}$", shown.GetProperty("moyenDePaiement").GetString());
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("finLeUtc").ValueKind);
        Assert.Equal("Mandate", data.GetProperty("paiements-en-ligne")[0].GetProperty("objet").GetString());

        var ended = await member.SubmitFormAsync($"/mes-factures/{Id(invoiceId)}/payer", new Dictionary<string, string>(), "#sepa-mandate form");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var page = await member.GetDocumentAsync(ended.Headers.Location!.OriginalString);
        Assert.Contains("Votre mandat a pris fin", page.QuerySelector("#sepa-mandate [role=status]").Text(), StringComparison.Ordinal);
        Assert.Equal("Signer un mandat de prélèvement SEPA", page.QuerySelector("#sepa-mandate button").Text().Trim());

        w.App.Clock.Advance(TimeSpan.FromDays(30));
        await w.IssueAsync(w.NetworkId, 4500);
        Assert.Equal(0, await ChargeAsync(w));
        Assert.DoesNotContain(w.Fakes.StripeRequests, r => r.Path == "payment_intents");
    }

    [Fact]
    public async Task Deleting_the_account_ends_the_mandate()
    {
        var (w, member, _) = await SignedAsync();
        await using var __ = w;

        var erased = await member.SubmitFormAsync("/mes-donnees/supprimer", new Dictionary<string, string> { ["Input.Password"] = TestApp.DemoPassword, ["Input.Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        Assert.NotNull((await w.App.WithDbAsync(db => db.Set<SepaMandate>().AsNoTracking().SingleAsync())).EndedAtUtc);
        w.App.Clock.Advance(TimeSpan.FromDays(30));
        await w.IssueAsync(w.NetworkId, 4500, w.MemberId);
        Assert.Equal(0, await ChargeAsync(w));
    }
}
