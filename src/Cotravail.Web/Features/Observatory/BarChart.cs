using System.Globalization;

namespace Cotravail.Web.Features.Observatory;

/// <summary>One bar: its label, its length (any unit, scaled to the longest bar) and the figure written beside it.</summary>
public sealed record Bar(string Label, decimal Value, string Text);

/// <summary>
/// A horizontal bar chart drawn on the server (SVG widths, no script, no inline style), the same as the survey results:
/// the bars are decoration beside their written figures; the table next to it stays the accessible source.
/// </summary>
public sealed record BarChart(string Caption, IReadOnlyList<Bar> Bars)
{
    /// <summary>The SVG width (0–100) of a bar.</summary>
    public string Width(Bar bar)
    {
        ArgumentNullException.ThrowIfNull(bar);
        var max = Bars.Count == 0 ? 0 : Bars.Max(b => b.Value);
        return max <= 0 || bar.Value <= 0 ? "0" : Math.Round(100 * bar.Value / max, 1).ToString(CultureInfo.InvariantCulture);
    }
}
