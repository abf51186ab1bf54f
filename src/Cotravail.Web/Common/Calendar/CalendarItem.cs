namespace Cotravail.Web.Common.Calendar;

/// <summary>
/// One thing to put in someone's calendar: a timed moment (<see cref="Timed"/>, in UTC) or whole days
/// (<see cref="AllDay"/>, local dates, the last one included).
/// </summary>
public sealed record CalendarItem
{
    private CalendarItem(string title, DateTime start, DateTime end, bool allDay, string? details, string? location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (end < start)
        {
            throw new ArgumentException("The end comes before the start.", nameof(end));
        }
        Title = title;
        Start = start;
        End = end;
        IsAllDay = allDay;
        Details = details;
        Location = location;
    }

    public string Title { get; }

    /// <summary>The start: a UTC instant, or the first day at midnight for whole days.</summary>
    public DateTime Start { get; }

    /// <summary>The end: a UTC instant, or the last day at midnight for whole days.</summary>
    public DateTime End { get; }

    public bool IsAllDay { get; }
    public string? Details { get; }
    public string? Location { get; }

    public static CalendarItem Timed(string title, DateTime startUtc, DateTime endUtc, string? details = null, string? location = null) =>
        new(title, DateTime.SpecifyKind(startUtc, DateTimeKind.Utc), DateTime.SpecifyKind(endUtc, DateTimeKind.Utc), false, details, location);

    public static CalendarItem AllDay(string title, DateOnly first, DateOnly last, string? details = null, string? location = null) =>
        new(title, first.ToDateTime(TimeOnly.MinValue), last.ToDateTime(TimeOnly.MinValue), true, details, location);
}
