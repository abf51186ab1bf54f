namespace Cotravail.Web.Features.Booking.Series;

/// <summary>
/// A recurrence: chosen weekdays, every N weeks, from a first day until a last day or for a number of occurrences —
/// never more than <see cref="MaxOccurrences"/>.
/// </summary>
public sealed record SeriesPattern(IReadOnlyCollection<DayOfWeek> Weekdays, int EveryWeeks, DateOnly From, DateOnly? Until, int? Count)
{
    public const int MaxOccurrences = 26;
    public const int MaxEveryWeeks = 8;

    /// <summary>The French messages of a pattern that cannot be used, keyed by field.</summary>
    public Dictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>();
        if (Weekdays.Count == 0)
        {
            problems["weekdays"] = "Choisissez au moins un jour de la semaine.";
        }
        if (EveryWeeks is < 1 or > MaxEveryWeeks)
        {
            problems["everyWeeks"] = $"La fréquence va de toutes les semaines à toutes les {MaxEveryWeeks} semaines.";
        }
        if (Until is null && Count is null)
        {
            problems["until"] = "Indiquez une date de fin ou un nombre de réservations.";
        }
        if (Until is { } until && until < From)
        {
            problems["until"] = "La date de fin doit être après le premier jour.";
        }
        if (Count is { } count && count is < 1 or > MaxOccurrences)
        {
            problems["count"] = $"Le nombre de réservations va de 1 à {MaxOccurrences}.";
        }
        return problems;
    }

    /// <summary>The dates of the series, in order (at most 26).</summary>
    public IReadOnlyList<DateOnly> Dates()
    {
        if (Problems().Count > 0)
        {
            return [];
        }
        var limit = Math.Min(Count ?? MaxOccurrences, MaxOccurrences);
        var monday = From.AddDays(-(((int)From.DayOfWeek + 6) % 7));
        var days = Weekdays.Distinct().Select(d => ((int)d + 6) % 7).Order().ToList();
        var dates = new List<DateOnly>();
        for (var week = 0; dates.Count < limit; week += EveryWeeks)
        {
            foreach (var offset in days)
            {
                var date = monday.AddDays((week * 7) + offset);
                if (date < From)
                {
                    continue;
                }
                if ((Until is { } until && date > until) || dates.Count >= limit)
                {
                    return dates;
                }
                dates.Add(date);
            }
            if (week > 7 * 53)
            {
                break; // a safety net: a year of weeks
            }
        }
        return dates;
    }
}
