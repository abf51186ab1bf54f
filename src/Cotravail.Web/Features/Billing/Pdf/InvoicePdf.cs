using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Cotravail.Web.Features.Billing.Pdf;

/// <summary>An invoice or credit note as an A4 PDF (PDFsharp) with every mandatory mention.</summary>
public static class InvoicePdf
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private const double Margin = 50;

    public static byte[] Render(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        EmbeddedFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"{Title(invoice)} {invoice.Number}";
        document.Info.Author = invoice.IssuerName;
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            new Writer(gfx, page.Width.Point).Draw(invoice);
        }
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    public static string Title(Invoice invoice) => invoice.Kind == InvoiceKind.CreditNote ? "Avoir" : "Facture";

    public static string Euros(long cents) => (cents / 100m).ToString("#,##0.00", French).Replace('\u202f', ' ').Replace('\u00a0', ' ') + " €";

    private static string Rate(int basisPoints) => (basisPoints / 100m).ToString("0.##", French) + " %";

    private sealed class Writer(XGraphics gfx, double pageWidth)
    {
        private readonly XFont _regular = new(EmbeddedFonts.Family, 9.5, XFontStyleEx.Regular);
        private readonly XFont _bold = new(EmbeddedFonts.Family, 9.5, XFontStyleEx.Bold);
        private readonly XFont _title = new(EmbeddedFonts.Family, 16, XFontStyleEx.Bold);
        private double _y = Margin;

        public void Draw(Invoice i)
        {
            Text($"{Title(i)} n° {i.Number}", _title, Margin);
            _y += 8;
            Line($"Date : {i.IssueDate.ToString("d MMMM yyyy", French)}");
            if (i.Kind == InvoiceKind.Invoice)
            {
                Line($"Échéance : {i.DueDate.ToString("d MMMM yyyy", French)}");
            }
            else if (i.CreditedInvoiceNumber is not null)
            {
                Line($"Avoir sur la facture n° {i.CreditedInvoiceNumber}");
            }
            _y += 10;
            var top = _y;
            Line("Émetteur", _bold);
            Line(i.IssuerName);
            foreach (var part in i.IssuerAddress.Split('\n'))
            {
                Line(part.Trim());
            }
            Line(i.IssuerSiret is null ? "SIRET : non renseigné" : $"SIRET : {i.IssuerSiret}");
            if (i.IssuerVatNumber is not null)
            {
                Line($"N° TVA intracommunautaire : {i.IssuerVatNumber}");
            }
            var left = _y;
            _y = top;
            var x = pageWidth / 2;
            Line("Client", _bold, x);
            Line(i.ClientName, _regular, x);
            foreach (var part in (i.ClientAddress ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                Line(part.Trim(), _regular, x);
            }
            if (i.ClientSiret is not null)
            {
                Line($"SIRET : {i.ClientSiret}", _regular, x);
            }
            if (i.ClientEmail is not null)
            {
                Line(i.ClientEmail, _regular, x);
            }
            _y = Math.Max(left, _y) + 14;
            Table(i);
            _y += 8;
            Totals(i);
            _y += 16;
            if (i.VatMention is not null)
            {
                Line(i.VatMention);
            }
            Line(i.PaymentTerms);
            Line(InvoiceMentions.LatePenalty);
            if (i.IsBusinessClient)
            {
                Line(InvoiceMentions.RecoveryIndemnity);
            }
        }

        private void Table(Invoice i)
        {
            double[] cols = [Margin, 300, 345, 420, 470];
            string[] heads = ["Désignation", "Qté", "PU HT", "TVA", "Total HT"];
            for (var c = 0; c < heads.Length; c++)
            {
                Text(heads[c], _bold, cols[c]);
            }
            _y += 14;
            gfx.DrawLine(XPens.Black, Margin, _y - 2, pageWidth - Margin, _y - 2);
            foreach (var l in i.Lines.OrderBy(l => l.Position))
            {
                Text(Cut(l.Description, 60), _regular, cols[0]);
                Text(l.Quantity.ToString(French), _regular, cols[1]);
                Text(Euros(l.UnitPriceExclTaxCents), _regular, cols[2]);
                Text(Rate(l.VatRateBasisPoints), _regular, cols[3]);
                Text(Euros(l.TotalExclTaxCents), _regular, cols[4]);
                _y += 14;
            }
            gfx.DrawLine(XPens.Black, Margin, _y, pageWidth - Margin, _y);
            _y += 6;
        }

        private void Totals(Invoice i)
        {
            var x = 345d;
            Pair("Total HT", Euros(i.TotalExclTaxCents), x);
            Pair("TVA", Euros(i.VatCents), x);
            Pair(i.Kind == InvoiceKind.CreditNote ? "Total TTC à rembourser" : "Total TTC", Euros(i.TotalInclTaxCents), x, _bold);
        }

        private void Pair(string label, string value, double x, XFont? font = null)
        {
            Text(label, font ?? _regular, x);
            Text(value, font ?? _regular, 470);
            _y += 14;
        }

        private void Line(string text, XFont? font = null, double x = Margin)
        {
            Text(text, font ?? _regular, x);
            _y += 13;
        }

        private void Text(string text, XFont font, double x) =>
            gfx.DrawString(text, font, XBrushes.Black, new XPoint(x, _y + font.Size));

        private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
    }
}
