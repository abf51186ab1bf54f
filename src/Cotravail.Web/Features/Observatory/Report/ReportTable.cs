using Cotravail.Web.Features.Billing.Pdf;
using PdfSharp.Drawing;

namespace Cotravail.Web.Features.Observatory.Report;

/// <summary>A column of a report table: its heading, its share of the width, and whether its cells are right-aligned (figures).</summary>
internal sealed record ReportColumn(string Heading, double Share, bool Right = true);

/// <summary>
/// A table of the report: a shaded header, then rows whose cells wrap inside their columns (names on the left, figures on
/// the right). <see cref="Height"/> measures it first, so a caller can set two tables side by side.
/// </summary>
internal sealed class ReportTable(PdfPageFlow pages, InvoicePdfFonts fonts, IReadOnlyList<ReportColumn> columns, IReadOnlyList<string[]> rows)
{
    /// <summary>The page being drawn: a table that goes on over a new page draws there.</summary>
    private XGraphics gfx => pages.Gfx;

    private const double Pad = 3;
    private const double Gap = 8;
    private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(232, 238, 243));
    private static readonly XPen Light = new(XColors.LightGray, 0.5);
    private static readonly XPen Dark = new(XColor.FromArgb(90, 90, 90), 0.8);

    /// <summary>Cells of a row drawn in bold (a total).</summary>
    public int? BoldRow { get; init; }

    /// <summary>The most lines a data cell takes; a longer text is cut and ends with « … » (the report keeps to two pages).</summary>
    public int MaxLines { get; init; } = int.MaxValue;

    /// <summary>Draws something in a cell after its text (a bar beside a percentage): row, column, and the cell's box.</summary>
    public Action<int, int, XRect>? Decorate { get; init; }

    public double Height(double width) =>
        RowHeight(Heads, fonts.Bold, width) + rows.Select((r, i) => RowHeight(r, Font(i), width)).Sum();

    public double HeaderHeight(double width) => RowHeight(Heads, fonts.Bold, width);

    public double FirstRowHeight(double width) => rows.Count == 0 ? 0 : RowHeight(rows[0], Font(0), width);

    /// <summary>Draws the table at (x, y) on the current page; returns where it ends.</summary>
    public double Draw(double x, double y, double width)
    {
        var heads = Heads;
        var headHeight = RowHeight(heads, fonts.Bold, width);
        gfx.DrawRectangle(HeaderFill, x, y, width, headHeight);
        y = Row(heads, fonts.Bold, x, y, width, -1);
        gfx.DrawLine(Dark, x, y, x + width, y);
        for (var i = 0; i < rows.Count; i++)
        {
            y = Row(rows[i], Font(i), x, y, width, i);
            gfx.DrawLine(i == rows.Count - 1 ? Dark : Light, x, y, x + width, y);
        }
        return y;
    }

    /// <summary>Draws the table at the flow's cursor, row by row onto a new page when one does not fit, the header repeated there.</summary>
    public void Flow(PdfPageFlow flow)
    {
        var width = flow.Width;
        // The header never ends a page alone; a long table goes on over the next page under its header again.
        flow.Ensure(HeaderHeight(width) + FirstRowHeight(width));
        var heads = Heads;
        void Header()
        {
            var headHeight = RowHeight(heads, fonts.Bold, width);
            flow.Gfx.DrawRectangle(HeaderFill, flow.Left, flow.Y, width, headHeight);
            flow.Y = Row(heads, fonts.Bold, flow.Left, flow.Y, width, -1);
            flow.Rule(flow.Y, Dark);
        }
        Header();
        for (var i = 0; i < rows.Count; i++)
        {
            var height = RowHeight(rows[i], Font(i), width);
            if (!flow.Fits(height))
            {
                flow.NewPage();
                Header();
            }
            flow.Y = Row(rows[i], Font(i), flow.Left, flow.Y, width, i);
            flow.Rule(flow.Y, i == rows.Count - 1 ? Dark : Light);
        }
    }

    private XFont Font(int row) => row == BoldRow ? fonts.Bold : fonts.Regular;

    private (double X, double Width)[] Boxes(double x, double width)
    {
        var total = columns.Sum(c => c.Share);
        var usable = width - (Gap * (columns.Count - 1));
        var boxes = new (double X, double Width)[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            boxes[c] = (x, usable * columns[c].Share / total);
            x += boxes[c].Width + Gap;
        }
        return boxes;
    }

    private double RowHeight(string[] cells, XFont font, double width)
    {
        var boxes = Boxes(0, width);
        var limit = ReferenceEquals(cells, Heads) ? int.MaxValue : MaxLines;
        return (2 * Pad) + (InvoicePdfFonts.Line * cells.Select((cell, c) => Math.Max(1, Lines(cell, font, boxes[c].Width, limit).Count)).Max());
    }

    private double Row(string[] cells, XFont font, double x, double y, double width, int row)
    {
        var boxes = Boxes(x, width);
        var height = RowHeight(cells, font, width);
        for (var c = 0; c < cells.Length; c++)
        {
            var lines = Lines(cells[c], font, boxes[c].Width, row < 0 ? int.MaxValue : MaxLines);
            for (var j = 0; j < lines.Count; j++)
            {
                Draw(lines[j], font, boxes[c].X, y + Pad + (j * InvoicePdfFonts.Line), boxes[c].Width, columns[c].Right);
            }
            if (row >= 0)
            {
                Decorate?.Invoke(row, c, new XRect(boxes[c].X, y + Pad, boxes[c].Width, height - (2 * Pad)));
            }
        }
        return y + height;
    }

    private string[]? _heads;

    private string[] Heads => _heads ??= [.. columns.Select(c => c.Heading)];

    /// <summary>The cell's wrapped lines, at most <paramref name="limit"/>: the last one kept is cut to end with « … ».</summary>
    private List<string> Lines(string text, XFont font, double width, int limit)
    {
        var lines = PdfTextBox.Wrap(gfx, text, font, width).ToList();
        if (lines.Count <= limit)
        {
            return lines;
        }
        lines = lines.Take(limit).ToList();
        var last = lines[^1].TrimEnd();
        while (last.Length > 0 && gfx.MeasureString(last + "…", font).Width > width)
        {
            last = last[..^1];
        }
        lines[^1] = last.TrimEnd(' ', ',', '—') + "…";
        return lines;
    }

    private void Draw(string line, XFont font, double x, double y, double width, bool right)
    {
        var box = new XRect(x, y, width, font.GetHeight());
        gfx.DrawString(right ? line.TrimEnd() : line, font, XBrushes.Black, box, right ? XStringFormats.TopRight : XStringFormats.TopLeft);
    }
}
