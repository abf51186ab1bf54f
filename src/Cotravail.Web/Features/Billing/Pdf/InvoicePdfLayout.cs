using PdfSharp.Drawing;

namespace Cotravail.Web.Features.Billing.Pdf;

/// <summary>
/// What an invoice prints, top to bottom: the issuer (name, address, SIRET, VAT number) across the page; the title,
/// dates and the client (with the SIREN of a business client, and the place of the services when it differs) side by side;
/// the lines and totals (<see cref="InvoicePdfTable"/>); then the category of the operation, the VAT-on-debits option,
/// the payment terms, the bank details, the late-payment penalties and, for business clients, the recovery indemnity.
/// </summary>
internal sealed class InvoicePdfLayout(PdfPageFlow flow, InvoicePdfFonts fonts, Invoice invoice)
{
    private const double Gutter = 24;
    private static readonly XPen Thin = new(XColors.Gray, 0.5);

    public void Draw()
    {
        flow.PageStarted = RunningHead;
        Issuer();
        TitleAndClient();
        new InvoicePdfTable(flow, fonts, invoice, RunningHead).Draw();
        Mentions();
    }

    private void Issuer()
    {
        flow.Flow([new PdfText(invoice.IssuerName, fonts.Name, InvoicePdfFonts.NameLine)], flow.Left, flow.Width);
        flow.Flow(Lines(invoice.IssuerAddress).Select(fonts.Text), flow.Left, flow.Width);
        flow.Flow([
            fonts.Text(invoice.IssuerSiret is null ? "SIRET : non renseigné" : $"SIRET : {invoice.IssuerSiret}"),
            fonts.Text(invoice.IssuerVatNumber is null ? null : $"N° TVA intracommunautaire : {invoice.IssuerVatNumber}"),
        ], flow.Left, flow.Width);
        flow.Y += 6;
        flow.Rule(flow.Y, Thin);
        flow.Y += 14;
    }

    /// <summary>The title and dates on the left, the client on the right; one under the other if they cannot fit side by side.</summary>
    private void TitleAndClient()
    {
        var width = (flow.Width - Gutter) / 2;
        var right = flow.Left + width + Gutter;
        List<PdfText> title =
        [
            new($"{InvoicePdf.Title(invoice)} n° {invoice.Number}", fonts.Title, InvoicePdfFonts.TitleLine),
            fonts.Text($"Date : {InvoicePdf.Date(invoice.IssueDate)}"),
            fonts.Text(invoice.Kind == InvoiceKind.CreditNote
                ? invoice.CreditedInvoiceNumber is null ? null : $"Avoir sur la facture n° {invoice.CreditedInvoiceNumber}"
                : $"Échéance : {InvoicePdf.Date(invoice.DueDate)}"),
            fonts.Text(invoice.Kind == InvoiceKind.CreditNote && invoice.CreditReason is { Length: > 0 } reason ? $"Motif : {reason}" : null),
        ];
        List<PdfText> client =
        [
            fonts.Strong("Client"),
            fonts.Text(invoice.ClientName),
            .. Lines(invoice.ClientAddress).Select(fonts.Text),
            fonts.Text(invoice.IsBusinessClient && InvoiceMentions.Siren(invoice.ClientSiret) is { } siren ? $"SIREN : {siren}" : null),
            fonts.Text(invoice.ClientSiret is null ? null : $"SIRET : {invoice.ClientSiret}"),
            fonts.Text(invoice.ClientEmail),
            .. Delivery(),
        ];
        var height = Math.Max(PdfTextBox.Height(flow.Gfx, title, width), PdfTextBox.Height(flow.Gfx, client, width));
        if (flow.Fits(height))
        {
            var top = flow.Y;
            flow.Y = Math.Max(flow.Place(title, flow.Left, top, width), flow.Place(client, right, top, width));
        }
        else
        {
            flow.Flow(title, flow.Left, flow.Width);
            flow.Y += 8;
            flow.Flow(client, flow.Left, flow.Width);
        }
        flow.Y += 18;
    }

    /// <summary>The mentions after the totals, kept together on one page when they can be.</summary>
    private void Mentions()
    {
        List<PdfText> mentions =
        [
            fonts.Text(InvoiceMentions.OperationCategory),
            fonts.Text(invoice.VatOnDebits ? InvoiceMentions.VatOnDebits : null),
            fonts.Text(invoice.VatMention),
            fonts.Text(invoice.PaymentTerms),
            // A credit note is not paid by its client: no bank details to pay it.
            fonts.Text(invoice.Kind == InvoiceKind.CreditNote ? null : InvoicePdf.BankDetails(invoice)),
            fonts.Text(InvoiceMentions.LatePenalty),
            fonts.Text(invoice.IsBusinessClient ? InvoiceMentions.RecoveryIndemnity : null),
        ];
        flow.Y += 16;
        flow.Keep(PdfTextBox.Height(flow.Gfx, mentions, flow.Width), InvoicePdfFonts.Line);
        flow.Flow(mentions, flow.Left, flow.Width);
    }

    /// <summary>The place of the services when it is not the client's address (a 2026 mention: the delivery address).</summary>
    private IEnumerable<PdfText> Delivery() => InvoiceMentions.DeliveryAddressToShow(invoice) is { } place
        ? [fonts.Text(" "), fonts.Strong("Adresse de livraison (lieu de la prestation)"), .. Lines(place).Select(fonts.Text)]
        : [];

    /// <summary>What every page after the first begins with: which invoice it continues.</summary>
    private void RunningHead()
    {
        flow.Flow([fonts.Strong($"{InvoicePdf.Title(invoice)} n° {invoice.Number} (suite) – {invoice.IssuerName}")], flow.Left, flow.Width);
        flow.Y += 4;
        flow.Rule(flow.Y, Thin);
        flow.Y += 10;
    }

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
