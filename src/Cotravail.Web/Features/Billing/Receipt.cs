namespace Cotravail.Web.Features.Billing;

/// <summary>
/// What a payer is handed at reception: « Reçu n° R2026-000045 », the money received (one method, one total) and the
/// invoices it settled (one <see cref="Payment"/> each, linked by <see cref="Payment.ReceiptId"/>). Not an invoice; never edited.
/// Numbered per network and year, gap-free (<see cref="ReceiptSequence"/>).
/// </summary>
public sealed class Receipt
{
    public int Id { get; set; }
    public int NetworkId { get; set; }

    /// <summary>The site whose reception received the money.</summary>
    public int SiteId { get; set; }

    /// <summary>« R2026-000045 »: R, year, sequence of the year in the network.</summary>
    public string Number { get; set; } = "";
    public int Year { get; set; }
    public int Sequence { get; set; }

    /// <summary>The site's local day it was received.</summary>
    public DateOnly Date { get; set; }
    public DateTime ReceivedAtUtc { get; set; }

    /// <summary>Who paid: a member's account, or a company of the network, or only a name (an invoice found by its number).</summary>
    public string? PayerUserId { get; set; }
    public int? PayerCompanyId { get; set; }
    public string PayerName { get; set; } = "";

    public PaymentMethod Method { get; set; }
    public int TotalCents { get; set; }
    public string RecordedByUserId { get; set; } = "";

    /// <summary>When it was e-mailed to the payer (once).</summary>
    public DateTime? EmailedAtUtc { get; set; }
}
