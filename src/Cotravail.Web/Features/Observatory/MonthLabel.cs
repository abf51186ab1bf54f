using System.Globalization;

namespace Cotravail.Web.Features.Observatory;

/// <summary>
/// A month as people read it: « janvier 2026 ». The month of today is « en cours »: its figures are not complete, so it
/// is marked and left out of trends and comparisons between months.
/// </summary>
public sealed record MonthLabel(DateOnly Month, string Name, bool InProgress)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>« décembre 2026 », or « décembre 2026 (en cours) ».</summary>
    public string Text => InProgress ? $"{Name} (en cours)" : Name;

    /// <summary>The month of a « yyyy-MM » key or of any of its days, seen on <paramref name="today"/>.</summary>
    public static MonthLabel Of(DateOnly day, DateOnly today)
    {
        var month = new DateOnly(day.Year, day.Month, 1);
        return new MonthLabel(month, month.ToString("MMMM yyyy", French), month.Year == today.Year && month.Month == today.Month);
    }

    /// <summary>The month of a <see cref="SiteMonth.Month"/> key (« 2026-01 »).</summary>
    public static MonthLabel Of(string key, DateOnly today) =>
        Of(DateOnly.ParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture), today);

    /// <summary>Short form for chart axes: « janv. 26 ».</summary>
    public string Short => Month.ToString("MMM yy", French);
}
