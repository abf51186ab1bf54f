using System.Globalization;
using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Online.Manage;

/// <summary>An online payment of the network to look at: its invoice, who paid, what was asked and received.</summary>
public sealed record FlaggedPayment(int Id, string InvoiceNumber, string ClientName, OnlineProviderKind Provider, string? Reference,
    int AskedCents, int? ReceivedCents, DateTime At, string? Detail);

/// <summary>
/// « Paiement en ligne » of a network (<c>?reseau=ID</c>, managers of that network only): PayFiP or Stripe and their settings,
/// the Stripe secrets stored protected and never shown back, the webhook address to give Stripe, and the online payments whose
/// amount differs from what was due (not recorded as paid: for the treasurer to sort out).
/// </summary>
public sealed class SettingsModel(AppDbContext db, OnlinePayments online, TimeProvider clock) : LocalizedPage
{
    [BindProperty]
    public ProviderInput Input { get; set; } = new();

    public Network Network { get; private set; } = null!;
    public IReadOnlyList<Network> Managed { get; private set; } = [];
    public bool HasStripeSecrets { get; private set; }
    public IReadOnlyList<FlaggedPayment> Flagged { get; private set; } = [];
    public string WebhookUrl { get; private set; } = "";

    [TempData]
    public string? Notice { get; set; }

    public static string Link(int networkId) => string.Create(CultureInfo.InvariantCulture, $"/gestion/reseau/paiement-en-ligne?reseau={networkId}");

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "reseau")] int? networkId, CancellationToken ct)
    {
        if (await LoadAsync(networkId, ct) is { } denied)
        {
            return denied;
        }
        var row = await RowAsync(ct);
        Input = row is null ? new ProviderInput() : new ProviderInput
        {
            Kind = row.Kind, PayFipNumcli = row.PayFipNumcli, PayFipSaisie = row.PayFipSaisie, SepaDebitEnabled = row.SepaDebitEnabled,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromQuery(Name = "reseau")] int? networkId, CancellationToken ct)
    {
        if (await LoadAsync(networkId, ct) is { } denied)
        {
            return denied;
        }
        if (Input.Kind == OnlineProviderKind.Stripe && !HasStripeSecrets)
        {
            if (string.IsNullOrWhiteSpace(Input.StripeSecretKey))
            {
                ModelState.AddModelError("Input.StripeSecretKey", T["Indiquez la clé secrète Stripe du réseau."]);
            }
            if (string.IsNullOrWhiteSpace(Input.StripeWebhookSecret))
            {
                ModelState.AddModelError("Input.StripeWebhookSecret", T["Indiquez le secret de signature du webhook Stripe."]);
            }
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var row = await RowAsync(ct);
        if (row is null)
        {
            row = new NetworkPaymentProvider { NetworkId = Network.Id };
            db.Set<NetworkPaymentProvider>().Add(row);
        }
        row.Kind = Input.Kind;
        if (Input.Kind == OnlineProviderKind.PayFip)
        {
            row.PayFipNumcli = Input.PayFipNumcli!.Trim();
            row.PayFipSaisie = Input.PayFipSaisie!;
        }
        if (!string.IsNullOrWhiteSpace(Input.StripeSecretKey))
        {
            row.StripeSecretKeyProtected = online.Protect(Input.StripeSecretKey.Trim());
        }
        if (!string.IsNullOrWhiteSpace(Input.StripeWebhookSecret))
        {
            row.StripeWebhookSecretProtected = online.Protect(Input.StripeWebhookSecret.Trim());
        }
        row.SepaDebitEnabled = Input.Kind == OnlineProviderKind.Stripe && Input.SepaDebitEnabled;
        row.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        row.UpdatedByUserId = CurrentUser.RequiredId;
        await db.SaveChangesAsync(ct);
        Notice = T["Le paiement en ligne du réseau est enregistré."];
        return Redirect(Link(Network.Id));
    }

    private Task<NetworkPaymentProvider?> RowAsync(CancellationToken ct) =>
        db.Set<NetworkPaymentProvider>().FirstOrDefaultAsync(p => p.NetworkId == Network.Id, ct);

    /// <summary>The network asked for (or the first one managed), when the person manages it; 403 otherwise.</summary>
    private async Task<IActionResult?> LoadAsync(int? networkId, CancellationToken ct)
    {
        var reach = await CurrentUser.ReachAsync(ct);
        Managed = await db.Networks.AsNoTracking().Where(n => reach.ManagedNetworkIds.Contains(n.Id)).OrderBy(n => n.Name).ToListAsync(ct);
        var network = networkId is { } id ? Managed.FirstOrDefault(n => n.Id == id) : Managed.FirstOrDefault();
        if (network is null)
        {
            return Forbid();
        }
        Network = network;
        var row = await db.Set<NetworkPaymentProvider>().AsNoTracking().FirstOrDefaultAsync(p => p.NetworkId == network.Id, ct);
        HasStripeSecrets = row is { StripeSecretKeyProtected: not null, StripeWebhookSecretProtected: not null };
        WebhookUrl = HttpContext.RequestServices.GetRequiredService<PublicAddress>().Absolute(OnlinePayments.StripeWebhookPath(network.Id));
        Flagged = await (from a in db.Set<OnlinePayment>().AsNoTracking()
                         join i in db.Invoices.AsNoTracking() on a.InvoiceId equals i.Id
                         where a.NetworkId == network.Id && a.Status == OnlinePaymentStatus.AmountMismatch
                         orderby a.SettledAtUtc descending
                         select new FlaggedPayment(a.Id, i.Number, i.ClientName, a.Provider, a.ProviderReference, a.AmountCents, a.ReceivedCents,
                             a.SettledAtUtc ?? a.CreatedAtUtc, a.Detail)).Take(200).ToListAsync(ct);
        return null;
    }
}
