using System.Text.Json.Nodes;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Billing.Online;
using Cotravail.Web.Features.Billing.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Billing.Online;

/// <summary>An app started against the fake providers, with helpers to set a network's provider, sell, and read the journal.</summary>
internal sealed class OnlineWorld : IAsyncDisposable
{
    public const string KeyA = "sk_test_networkA0000000000";
    public const string HookA = "whsec_networkAsecret000000";
    public const string KeyB = "sk_test_networkB1111111111";
    public const string HookB = "whsec_networkBsecret111111";

    public required TestApp App { get; init; }
    public required FakeProviders Fakes { get; init; }
    public required int NetworkId { get; init; }
    public required string MemberId { get; init; }

    public static async Task<OnlineWorld> StartAsync(string provider = "Sqlite")
    {
        var fakes = await FakeProviders.StartAsync();
        var app = await TestApp.StartAsync(provider, fakes.Settings);
        var network = (await app.SiteAsync("luzech")).NetworkId;
        var member = await app.WithDbAsync(db => db.Users.Where(u => u.Email == TestApp.MemberEmail).Select(u => u.Id).SingleAsync());
        return new OnlineWorld { App = app, Fakes = fakes, NetworkId = network, MemberId = member };
    }

    public Task SetPayFipAsync(int networkId, string numcli = "123456") =>
        SetAsync(networkId, OnlineProviderKind.PayFip, numcli, null, null, false);

    public Task SetStripeAsync(int networkId, string key = KeyA, string hook = HookA, bool sepa = false) =>
        SetAsync(networkId, OnlineProviderKind.Stripe, null, key, hook, sepa);

    private Task SetAsync(int networkId, OnlineProviderKind kind, string? numcli, string? key, string? hook, bool sepa) =>
        App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Cotravail.Web.Data.AppDbContext>();
            var online = sp.GetRequiredService<OnlinePayments>();
            db.Set<NetworkPaymentProvider>().Add(new NetworkPaymentProvider
            {
                NetworkId = networkId, Kind = kind, PayFipNumcli = numcli, PayFipSaisie = PayFipModes.Test,
                StripeSecretKeyProtected = key is null ? null : online.Protect(key), StripeWebhookSecretProtected = hook is null ? null : online.Protect(hook),
                SepaDebitEnabled = sepa, UpdatedByUserId = MemberId,
            });
            await db.SaveChangesAsync();
        });

    /// <summary>A carnet of 130,00 € sold to the demo member at Luzech (demo network).</summary>
    public async Task<Invoice> SellAsync() => (await ProductsAndEntitlementsTests.SellAsync(App, ProductKind.Carnet)).Invoice!;

    /// <summary>An invoice of <paramref name="cents"/> issued by <paramref name="networkId"/> to the demo member.</summary>
    public async Task<Invoice> IssueAsync(int networkId, int cents, string? userId = null)
    {
        Invoice? invoice = null;
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Cotravail.Web.Data.AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            invoice = await sp.GetRequiredService<InvoiceIssuer>().IssueAsync(networkId,
                new ClientIdentity(userId ?? MemberId, "Membre de démonstration", null, TestApp.MemberEmail), [new LineRequest("Journée", 1, cents, 0)], CancellationToken.None);
            await tx.CommitAsync();
        });
        return invoice!;
    }

    public Task<List<Payment>> PaymentsAsync(int invoiceId) =>
        App.WithDbAsync(db => db.Payments.AsNoTracking().Where(p => p.InvoiceId == invoiceId).ToListAsync());

    public Task<OnlinePayment> AttemptAsync(string reference) =>
        App.WithDbAsync(db => db.Set<OnlinePayment>().AsNoTracking().SingleAsync(a => a.ProviderReference == reference));

    public async Task<HttpClient> MemberAsync()
    {
        var browser = App.Browser();
        await browser.SignInAsync(TestApp.MemberEmail);
        return browser;
    }

    /// <summary>« Payer » on the invoice's page: the answer (a redirect to the provider when it started).</summary>
    public static Task<HttpResponseMessage> PayAsync(HttpClient member, int invoiceId) =>
        member.SubmitFormAsync($"/mes-factures/{invoiceId}/payer", new Dictionary<string, string>(), "form#pay-online");

    public Task<HttpResponseMessage> NotifyPayFipAsync(string idOp) =>
        App.CreateClient().PostAsync(new Uri(OnlinePayments.PayFipNotificationPath, UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["idOp"] = idOp }));

    public async Task<HttpResponseMessage> WebhookAsync(int networkId, string type, JsonObject data, string secret, DateTimeOffset? at = null)
    {
        var (body, signature) = FakeProviders.SignedEvent(type, data, secret, at ?? App.Clock.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(OnlinePayments.StripeWebhookPath(networkId), UriKind.Relative))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Stripe-Signature", signature);
        return await App.CreateClient().SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Fakes.DisposeAsync();
    }
}
