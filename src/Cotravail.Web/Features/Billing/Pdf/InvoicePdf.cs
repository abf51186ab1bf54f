using System.Globalization;
using Cotravail.Web.Common;
using Cotravail.Web.Features.Billing.FacturX;
using PdfSharp.Pdf;

namespace Cotravail.Web.Features.Billing.Pdf;

/// <summary>
/// An invoice or credit note as an A4 PDF (PDFsharp) with every mandatory mention. Every text wraps inside its column,
/// a long table goes on over several pages with its header repeated, and the totals stay with the last lines. The PDF is
/// a Factur-X EN 16931 invoice: PDF/A-3B carrying its <c>factur-x.xml</c> (<see cref="FacturXml"/>, <see cref="PdfA3"/>).
/// </summary>
public static class InvoicePdf
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static byte[] Render(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        EmbeddedFonts.Install();
        var description = Describe(invoice);
        using var document = new PdfDocument();
        document.Info.Title = description.Title;
        document.Info.Author = description.Author;
        var fonts = new InvoicePdfFonts();
        using (var flow = new PdfPageFlow(document))
        {
            new InvoicePdfLayout(flow, fonts, invoice).Draw();
            flow.Finish(fonts.Small);
        }
        PdfA3.Prepare(document, FacturXml.Write(invoice), description.CreatedUtc);
        using var output = new MemoryStream();
        document.Save(output, false);
        return PdfA3.Finish(output.ToArray(), description);
    }

    /// <summary>Title, author, subject and date of the PDF: those of the invoice.</summary>
    public static PdfDescription Describe(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new PdfDescription($"{Title(invoice)} {invoice.Number}", invoice.IssuerName,
            $"{Title(invoice)} {invoice.Number} – {invoice.ClientName} (Factur-X EN 16931)", "Cotravail", "Cotravail, PDFsharp 6.2",
            DateTime.SpecifyKind(invoice.IssuedAtUtc, DateTimeKind.Utc));
    }

    public static string Title(Invoice invoice) => invoice.Kind == InvoiceKind.CreditNote ? "Avoir" : "Facture";

    public static string Euros(long cents) => (cents / 100m).ToString("#,##0.00", French).Replace('\u202f', ' ').Replace('\u00a0', ' ') + " €";

    internal static string Rate(int basisPoints) => (basisPoints / 100m).ToString("0.##", French) + " %";

    internal static string Quantity(int quantity) => quantity.ToString(French);

    internal static string Date(DateOnly date) => Common.Format.Date(date, French);

    /// <summary>« Règlement par virement : IBAN FR76 3000 … – BIC … » when the issuer gave a bank account.</summary>
    internal static string? BankDetails(Invoice invoice) => invoice.IssuerIban is null
        ? null
        : $"Règlement par virement : IBAN {BankAccount.Grouped(invoice.IssuerIban)}" + (invoice.IssuerBic is null ? "" : $" – BIC {invoice.IssuerBic}");
}
