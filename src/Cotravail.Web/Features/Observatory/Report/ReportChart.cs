using Cotravail.Web.Features.Billing.Pdf;
using PdfSharp.Drawing;

namespace Cotravail.Web.Features.Observatory.Report;

/// <summary>
/// The visits of each month as vertical bars drawn with lines and rectangles (no image): a scale of four steps on the
/// left, each bar's figure above it when it fits, the months' short names under them (one in two, three… when they do
/// not fit). The month in progress is a light bar with a dashed outline, explained under the chart. A count that is not
/// published (-1) has no bar and « &lt; 5 » above its place.
/// </summary>
internal sealed class ReportChart(PdfPageFlow pages, InvoicePdfFonts fonts, IReadOnlyList<MonthTotal> months)
{
    /// <summary>The page being drawn (the chart may go to a new page after it was measured).</summary>
    private XGraphics gfx => pages.Gfx;

    public const double PlotHeight = 110;
    private const double Axis = 34;
    private const double Top = 14;
    private const double Under = 16;
    private const double LegendLine = 14;
    private static readonly XBrush Full = new XSolidBrush(XColor.FromArgb(47, 95, 133));
    private static readonly XBrush Partial = new XSolidBrush(XColor.FromArgb(196, 215, 232));
    private static readonly XPen PartialEdge = new(XColor.FromArgb(47, 95, 133), 0.8) { DashStyle = XDashStyle.Dash };
    private static readonly XPen Grid = new(XColor.FromArgb(215, 215, 215), 0.5);
    private static readonly XPen Base = new(XColors.Black, 0.8);

    private bool HasPartial => months.Any(m => m.Month.InProgress);

    public double Height => Top + PlotHeight + Under + (HasPartial ? LegendLine + 4 : 0);

    /// <summary>Draws the chart with its top-left corner at (x, y); returns where it ends.</summary>
    public double Draw(double x, double y, double width)
    {
        var plotLeft = x + Axis;
        var plotWidth = width - Axis;
        var plotTop = y + Top;
        var baseLine = plotTop + PlotHeight;
        var max = Scale(months.Count == 0 ? 0 : months.Max(m => m.Visits));
        for (var step = 0; step <= 4; step++)
        {
            var value = max * step / 4;
            var gy = baseLine - (PlotHeight * step / 4);
            gfx.DrawLine(step == 0 ? Base : Grid, plotLeft, gy, plotLeft + plotWidth, gy);
            var label = ActivityReport.Count(value);
            gfx.DrawString(label, fonts.Small, XBrushes.Black, new XRect(x, gy - (fonts.Small.GetHeight() / 2), Axis - 4, fonts.Small.GetHeight()), XStringFormats.TopRight);
        }
        if (months.Count == 0)
        {
            return baseLine + Under;
        }
        var slot = plotWidth / months.Count;
        var barWidth = Math.Max(1, slot * 0.7);
        var valuesFit = months.All(m => gfx.MeasureString(Value(m.Visits), fonts.Small).Width <= slot - 1);
        var labelWidth = months.Max(m => gfx.MeasureString(m.Month.Short, fonts.Small).Width) + 4;
        var every = Math.Max(1, (int)Math.Ceiling(labelWidth / slot));
        for (var i = 0; i < months.Count; i++)
        {
            var m = months[i];
            var left = plotLeft + (i * slot) + ((slot - barWidth) / 2);
            var height = m.Visits <= 0 || max == 0 ? 0 : PlotHeight * m.Visits / max;
            if (height > 0)
            {
                if (m.Month.InProgress)
                {
                    gfx.DrawRectangle(PartialEdge, Partial, left, baseLine - height, barWidth, height);
                }
                else
                {
                    gfx.DrawRectangle(Full, left, baseLine - height, barWidth, height);
                }
            }
            if (valuesFit || m.Visits < 0)
            {
                var label = Value(m.Visits);
                var box = new XRect(plotLeft + (i * slot) - 4, baseLine - height - fonts.Small.GetHeight() - 1, slot + 8, fonts.Small.GetHeight());
                gfx.DrawString(label, fonts.Small, XBrushes.Black, box, XStringFormats.TopCenter);
            }
            if (i % every == 0)
            {
                // Centred under its bar, but never past the plot's ends (the last month's label stays inside the margin).
                var labelLeft = Math.Clamp(plotLeft + (i * slot) + (slot / 2) - (labelWidth / 2), plotLeft, plotLeft + plotWidth - labelWidth);
                var box = new XRect(labelLeft, baseLine + 3, labelWidth, fonts.Small.GetHeight());
                gfx.DrawString(m.Month.Short, fonts.Small, XBrushes.Black, box, XStringFormats.TopCenter);
            }
        }
        var end = baseLine + Under;
        if (HasPartial)
        {
            end += 4;
            gfx.DrawRectangle(PartialEdge, Partial, plotLeft, end + 2, 16, 8);
            gfx.DrawString("mois en cours : chiffres partiels, hors tendance", fonts.Small, XBrushes.Black,
                new XRect(plotLeft + 22, end + 1, plotWidth - 22, fonts.Small.GetHeight()), XStringFormats.TopLeft);
            end += LegendLine;
        }
        return end;
    }

    private static string Value(int visits) => visits < 0 ? "< 5" : ActivityReport.Count(visits);

    /// <summary>The top of the scale: the largest figure rounded up to 1, 2, 2.5 or 5 times a power of ten, in four equal steps.</summary>
    private static int Scale(int largest)
    {
        if (largest <= 4)
        {
            return 4;
        }
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(largest)));
        foreach (var factor in new[] { 1, 2, 2.5, 4, 5, 8, 10 })
        {
            var top = factor * magnitude;
            if (top >= largest && (top / 4) == Math.Floor(top / 4))
            {
                return (int)top;
            }
        }
        return (int)(10 * magnitude);
    }
}
