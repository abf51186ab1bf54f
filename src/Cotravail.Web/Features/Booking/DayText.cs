using System.Globalization;

namespace Cotravail.Web.Features.Booking;

/// <summary>Days and times as pages read them from the query or a form, and write them back into links.</summary>
public static class DayText
{
    private static readonly string[] DayFormats = ["yyyy-MM-dd", "d/M/yyyy"];
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH:mm:ss", "H'h'mm", "H' h 'mm"];

    /// <summary>« 2026-12-03 » (what a date field sends) or « 03/12/2026 » (what a person types where there is none).</summary>
    public static bool TryParse(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>Days a page may be asked about: near enough today that moving a week or a day never overflows.</summary>
    public static bool IsReasonable(DateOnly day, DateOnly today) => day >= today.AddYears(-2) && day <= today.AddYears(3);

    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>What someone typed, cut short enough to be repeated in a message.</summary>
    public static string Cut(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
