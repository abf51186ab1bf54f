using System.Globalization;
using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Entitlements.Mine;

/// <summary>
/// The result of an order: its invoice (number, amount, what is still due), the days it gives, how to pay, the PDF.
/// No order form here: a reload orders nothing. Only the member's own invoices.
/// </summary>
public sealed class OrderedModel(AppDbContext db, Payments payments, IOnlineCardPayment online) : LocalizedPage
{
    public Invoice Invoice { get; private set; } = null!;
    public IReadOnlyList<Entitlement> Entitlements { get; private set; } = [];
    public int DueCents { get; private set; }

    /// <summary>The invoice's network takes payment online: a « Payer en ligne » button while something is due.</summary>
    public bool OnlineAvailable { get; private set; }

    /// <summary>The way of paying chosen on the summary (<c>?reglement=accueil|virement|carte</c>), when known.</summary>
    public PaymentChoice? Payment { get; private set; }

    public string PdfUrl => $"/api/v1/me/invoices/{Invoice.Id.ToString(CultureInfo.InvariantCulture)}/pdf";

    public static string Link(int invoiceId, PaymentChoice payment) =>
        string.Create(CultureInfo.InvariantCulture, $"/mes-droits/commande/{invoiceId}?reglement={Slug(payment)}");

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "reglement")] string? payment, CancellationToken ct)
    {
        var me = CurrentUser.RequiredId;
        var invoice = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.UserId == me && i.Kind == InvoiceKind.Invoice, ct);
        if (invoice is null)
        {
            return NotFound();
        }
        Invoice = invoice;
        Entitlements = await db.Entitlements.AsNoTracking().Where(e => e.InvoiceId == id && e.UserId == me).OrderBy(e => e.StartsOn).ThenBy(e => e.Id).ToListAsync(ct);
        DueCents = await payments.DueCentsAsync(id, ct);
        OnlineAvailable = DueCents > 0 && await online.IsAvailableAsync(invoice.NetworkId, ct);
        Payment = Enum.GetValues<PaymentChoice>().Cast<PaymentChoice?>().FirstOrDefault(c => Slug(c!.Value) == payment);
        return Page();
    }

    private static string Slug(PaymentChoice choice) => choice switch
    {
        PaymentChoice.Transfer => "virement",
        PaymentChoice.Card => "carte",
        _ => "accueil",
    };
}
