namespace Cotravail.Web.Features.Events;

public enum Repeat
{
    None = 0,
    /// <summary>Every week on the same weekday.</summary>
    Weekly = 1,
    /// <summary>Every month on the same weekday of the same rank (the first Tuesday; the last Friday for a fifth one).</summary>
    MonthlyByWeekday = 2,
}

/// <summary>The dates of a recurring event; each becomes its own event, with its own places and registrations.</summary>
public static class Recurrence
{
    public const int MaxOccurrences = 24;

    public static IReadOnlyList<DateOnly> Dates(DateOnly first, Repeat repeat, int count)
    {
        if (repeat == Repeat.None || count <= 1)
        {
            return [first];
        }
        count = Math.Min(count, MaxOccurrences);
        var dates = new List<DateOnly>(count) { first };
        if (repeat == Repeat.Weekly)
        {
            for (var i = 1; i < count; i++)
            {
                dates.Add(first.AddDays(7 * i));
            }
            return dates;
        }
        var rank = Rank(first);
        for (var i = 1; i < count; i++)
        {
            var month = new DateOnly(first.Year, first.Month, 1).AddMonths(i);
            dates.Add(NthWeekday(month.Year, month.Month, first.DayOfWeek, rank));
        }
        return dates;
    }

    /// <summary>1 for the first such weekday of its month … 4; 5 means the last.</summary>
    public static int Rank(DateOnly day) => (day.Day - 1) / 7 + 1;

    private static DateOnly NthWeekday(int year, int month, DayOfWeek weekday, int rank)
    {
        if (rank >= 5)
        {
            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            while (last.DayOfWeek != weekday)
            {
                last = last.AddDays(-1);
            }
            return last;
        }
        var day = new DateOnly(year, month, 1);
        while (day.DayOfWeek != weekday)
        {
            day = day.AddDays(1);
        }
        return day.AddDays(7 * (rank - 1));
    }
}
