namespace Cotravail.Web.Features.Billing.Api;

/// <summary>An invoice or credit note (kind: invoice, creditNote); amounts in euro cents.</summary>
public sealed record InvoiceDto(
    int Id, string Number, string Kind, DateOnly IssueDate, DateOnly DueDate, string Issuer, string Client,
    int TotalExclTaxCents, int VatCents, int TotalInclTaxCents, string? CreditedInvoiceNumber, string PdfUrl)
{
    public static InvoiceDto From(Invoice i, string pdfUrl)
    {
        ArgumentNullException.ThrowIfNull(i);
        return new(i.Id, i.Number, i.Kind == InvoiceKind.CreditNote ? "creditNote" : "invoice", i.IssueDate, i.DueDate,
            i.IssuerName, i.ClientName, i.TotalExclTaxCents, i.VatCents, i.TotalInclTaxCents, i.CreditedInvoiceNumber, pdfUrl);
    }
}
