using PdfSharp.Drawing;

namespace Cotravail.Web.Features.Billing.Pdf;

/// <summary>
/// The lines of an invoice and its totals. The description wraps inside its column, amounts are right-aligned in
/// theirs; a row that does not fit goes to the next page, which starts with the table header again; the totals go
/// with the last row (both move to a new page when the totals would not fit under it). Only a row taller than half a
/// page is cut between pages.
/// </summary>
internal sealed class InvoicePdfTable(PdfPageFlow flow, InvoicePdfFonts fonts, Invoice invoice, Action runningHead)
{
    private const double Gap = 10;
    private const double Pad = 3;
    private static readonly string[] Heads = ["Désignation", "Qté", "PU HT", "TVA", "Total HT"];
    private static readonly XPen Dark = new(XColors.Black, 0.8);
    private static readonly XPen Light = new(XColors.LightGray, 0.5);
    private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(238, 238, 238));
    private readonly List<string[]> _rows = [.. invoice.Lines.OrderBy(l => l.Position).Select(Cells)];
    private readonly List<string[]> _totals = Totals(invoice);
    private (double X, double Width)[] _columns = [];
    private (double X, double Width)[] _totalColumns = [];

    public void Draw()
    {
        Measure();
        var totalsHeight = _totals.Sum(t => Height(t, fonts.Bold, _totalColumns)) + Pad;
        var first = _rows.Count == 0 ? 0 : Height(_rows[0], fonts.Regular, _columns) + (_rows.Count == 1 ? totalsHeight : 0);
        var head = Height(Heads, fonts.Bold, _columns);
        flow.Keep(head + first, head + (2 * Pad) + (2 * InvoicePdfFonts.Line));
        flow.PageStarted = () =>
        {
            runningHead();
            Header();
        };
        Header();
        for (var i = 0; i < _rows.Count; i++)
        {
            flow.Keep(Height(_rows[i], fonts.Regular, _columns) + (i == _rows.Count - 1 ? totalsHeight : 0), (2 * Pad) + InvoicePdfFonts.Line);
            Row(_rows[i], fonts.Regular, _columns);
            flow.Rule(flow.Y, i == _rows.Count - 1 ? Dark : Light);
        }
        flow.PageStarted = runningHead;
        flow.Ensure(totalsHeight);
        flow.Y += Pad;
        for (var i = 0; i < _totals.Count; i++)
        {
            Row(_totals[i], i == _totals.Count - 1 ? fonts.Bold : fonts.Regular, _totalColumns);
        }
    }

    /// <summary>
    /// Each amount column as wide as its widest cell (header and totals included), from the right margin; the
    /// description takes what is left. The totals' labels end where the Total HT column starts.
    /// </summary>
    private void Measure()
    {
        double Widest(IEnumerable<string> texts, XFont font) => texts.Max(t => flow.Gfx.MeasureString(t, font).Width) + 1;
        _columns = new (double X, double Width)[Heads.Length];
        var x = flow.Right;
        for (var c = Heads.Length - 1; c >= 1; c--)
        {
            var width = Math.Max(Widest([Heads[c], .. c == Heads.Length - 1 ? _totals.Select(t => t[2]) : []], fonts.Bold),
                _rows.Count == 0 ? 0 : Widest(_rows.Select(r => r[c]), fonts.Regular));
            x -= width;
            _columns[c] = (x, width);
            x -= Gap;
        }
        _columns[0] = (flow.Left, x - flow.Left);
        var amounts = _columns[^1];
        var labels = Math.Max(amounts.X - Gap - _columns[1].X, Widest(_totals.Select(t => t[1]), fonts.Bold));
        _totalColumns = [(flow.Left, 0), (amounts.X - Gap - labels, labels), amounts];
    }

    private void Header()
    {
        var height = Height(Heads, fonts.Bold, _columns);
        flow.Gfx.DrawRectangle(HeaderFill, flow.Left, flow.Y, flow.Width, height);
        Row(Heads, fonts.Bold, _columns);
        flow.Rule(flow.Y, Dark);
    }

    /// <summary>
    /// A row at the cursor: each cell wraps in its column, the first on the left, the others on the right. Cells are
    /// drawn one after the other so that a description reads on in the PDF's text; a row goes on over the next page when it must.
    /// </summary>
    private void Row(string[] cells, XFont font, (double X, double Width)[] columns)
    {
        var lines = cells.Select((cell, c) => PdfTextBox.Wrap(flow.Gfx, cell, font, columns[c].Width)).ToList();
        var count = lines.Max(l => l.Count);
        flow.Y += Pad;
        for (var k = 0; k < count;)
        {
            if (!flow.Fits(InvoicePdfFonts.Line) && !flow.AtTop)
            {
                flow.NewPage();
            }
            var here = Math.Clamp((int)Math.Floor((flow.Room + 0.01) / InvoicePdfFonts.Line), 1, count - k);
            for (var c = 0; c < lines.Count; c++)
            {
                for (var j = k; j < Math.Min(k + here, lines[c].Count); j++)
                {
                    flow.Draw(lines[c][j], font, columns[c].X, flow.Y + ((j - k) * InvoicePdfFonts.Line), columns[c].Width, alignRight: c > 0);
                }
            }
            flow.Y += here * InvoicePdfFonts.Line;
            k += here;
        }
        flow.Y += Pad;
    }

    private double Height(string[] cells, XFont font, (double X, double Width)[] columns) =>
        (2 * Pad) + (InvoicePdfFonts.Line * cells.Select((cell, c) => PdfTextBox.Wrap(flow.Gfx, cell, font, columns[c].Width).Count).Max());

    private static string[] Cells(InvoiceLine line) =>
    [
        line.Description, InvoicePdf.Quantity(line.Quantity), InvoicePdf.Euros(line.UnitPriceExclTaxCents),
        InvoicePdf.Rate(line.VatRateBasisPoints), InvoicePdf.Euros(line.TotalExclTaxCents),
    ];

    /// <summary>Label and amount of each total (the first cell, under the descriptions, stays empty).</summary>
    private static List<string[]> Totals(Invoice invoice) =>
    [
        ["", "Total HT", InvoicePdf.Euros(invoice.TotalExclTaxCents)],
        ["", "TVA", InvoicePdf.Euros(invoice.VatCents)],
        ["", invoice.Kind == InvoiceKind.CreditNote ? "Total TTC à rembourser" : "Total TTC", InvoicePdf.Euros(invoice.TotalInclTaxCents)],
    ];
}
