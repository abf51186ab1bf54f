namespace Cotravail.Web.Features.Observatory;

/// <summary>The part [<see cref="Start"/>, <see cref="End"/>] of a calendar month (<see cref="Month"/>, its first day) inside a period.</summary>
public sealed record MonthSpan(DateOnly Month, DateOnly Start, DateOnly End)
{
    public DateOnly Last => Month.AddMonths(1).AddDays(-1);

    /// <summary>True when the span is the whole month.</summary>
    public bool IsWhole => Start == Month && End == Last;

    /// <summary>The months of a period, the first and last cut to the period.</summary>
    public static IReadOnlyList<MonthSpan> Between(DateOnly from, DateOnly to)
    {
        var spans = new List<MonthSpan>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var last = month.AddMonths(1).AddDays(-1);
            spans.Add(new MonthSpan(month, from > month ? from : month, to < last ? to : last));
        }
        return spans;
    }
}
