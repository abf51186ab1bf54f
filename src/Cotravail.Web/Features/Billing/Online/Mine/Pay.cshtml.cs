using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Online.Mine;

/// <summary>
/// « Payer en ligne » one of the member's invoices: what is due and through which provider, one button that starts the
/// payment and sends the member to the provider's page; and, with Stripe and SEPA Debit enabled, signing a mandate so that
/// the next invoices are debited. Only the member's own invoices; no button when nothing is due or the network has no provider.
/// </summary>
public sealed class PayModel(AppDbContext db, OnlinePayments online, Payments payments) : LocalizedPage
{
    public Invoice Invoice { get; private set; } = null!;
    public int DueCents { get; private set; }
    public OnlineProviderKind Provider { get; private set; }
    public bool SepaDebit { get; private set; }
    public bool HasMandate { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } notFound)
        {
            return notFound;
        }
        var started = await online.StartAsync(id, CurrentUser.RequiredId, ct);
        if (started is { Outcome: StartOutcome.Started, RedirectTo: { } to })
        {
            return Redirect(to.ToString());
        }
        Problem = Say(started.Outcome);
        Response.StatusCode = started.Outcome == StartOutcome.ProviderUnavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostMandateAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } notFound)
        {
            return notFound;
        }
        var started = await online.StartMandateAsync(Invoice.NetworkId, CurrentUser.RequiredId, ct);
        if (started is { Outcome: StartOutcome.Started, RedirectTo: { } to })
        {
            return Redirect(to.ToString());
        }
        Problem = Say(started.Outcome);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The member ends the mandate: the next invoices are no longer debited.</summary>
    public async Task<IActionResult> OnPostEndMandateAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } notFound)
        {
            return notFound;
        }
        await online.EndMandateAsync(Invoice.NetworkId, CurrentUser.RequiredId, ct);
        return RedirectToPage(new { id, mandat = "fin" });
    }

    /// <summary>After the mandate was ended: « Votre mandat a pris fin… ».</summary>
    public bool MandateEnded => Request.Query["mandat"] == "fin" && !HasMandate;

    private string Say(StartOutcome outcome) => outcome switch
    {
        StartOutcome.NothingDue => T["Cette facture est réglée : il n'y a rien à payer."],
        StartOutcome.NoProvider => T["Le réseau ne propose pas le paiement en ligne : réglez à l'accueil ou par virement."],
        _ => T["Le service de paiement ne répond pas : rien n'a été débité. Réessayez dans quelques minutes."],
    };

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var me = CurrentUser.RequiredId;
        var invoice = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.UserId == me && i.Kind == InvoiceKind.Invoice, ct);
        if (invoice is null)
        {
            return NotFound();
        }
        Invoice = invoice;
        DueCents = await payments.DueCentsAsync(id, ct);
        var providers = await online.ProvidersAsync([invoice.NetworkId], ct);
        Provider = providers.TryGetValue(invoice.NetworkId, out var kind) ? kind : OnlineProviderKind.None;
        SepaDebit = Provider == OnlineProviderKind.Stripe
            && await db.Set<NetworkPaymentProvider>().AnyAsync(p => p.NetworkId == invoice.NetworkId && p.SepaDebitEnabled, ct);
        HasMandate = SepaDebit && await online.MandateAsync(invoice.NetworkId, me, ct) is not null;
        Problem = DueCents == 0 ? Say(StartOutcome.NothingDue) : Provider == OnlineProviderKind.None ? Say(StartOutcome.NoProvider) : null;
        return null;
    }
}
