using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Billing;

/// <summary>One line: quantity × unit price (what the client pays, VAT included), the VAT rate, and the amounts computed from them.</summary>
public sealed class InvoiceLine
{
    public int Id { get; set; }
    public int InvoiceId { get; set; }
    public int Position { get; set; }
    public string Description { get; set; } = "";
    public int Quantity { get; set; }
    public int UnitPriceInclTaxCents { get; set; }
    public int UnitPriceExclTaxCents { get; set; }
    public int VatRateBasisPoints { get; set; }
    public int TotalExclTaxCents { get; set; }
    public int VatCents { get; set; }
    public int TotalInclTaxCents { get; set; }

    /// <summary>On a credit note: the invoice line it credits (partial credit notes of a line add up to at most its quantity).</summary>
    public int? CreditedLineId { get; set; }
}
