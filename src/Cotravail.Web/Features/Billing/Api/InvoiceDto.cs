namespace Cotravail.Web.Features.Billing.Api;

/// <summary>
/// An invoice or credit note (kind: invoice, creditNote); amounts in euro cents. <c>status</c>: paid, partlyPaid,
/// unpaid, overdue or credited (null for a credit note); <c>dueCents</c>: what remains to pay (0 for a credit note).
/// </summary>
public sealed record InvoiceDto(
    int Id, string Number, string Kind, DateOnly IssueDate, DateOnly DueDate, string Issuer, string Client,
    int TotalExclTaxCents, int VatCents, int TotalInclTaxCents, string? CreditedInvoiceNumber, string PdfUrl,
    string? Status, int DueCents)
{
    public static InvoiceDto From(InvoiceAmounts a, DateOnly today, string pdfUrl)
    {
        ArgumentNullException.ThrowIfNull(a);
        var i = a.Invoice;
        return new(i.Id, i.Number, i.Kind == InvoiceKind.CreditNote ? "creditNote" : "invoice", i.IssueDate, i.DueDate,
            i.IssuerName, i.ClientName, i.TotalExclTaxCents, i.VatCents, i.TotalInclTaxCents, i.CreditedInvoiceNumber, pdfUrl,
            a.Status(today)?.ApiName(), a.DueCents);
    }
}
