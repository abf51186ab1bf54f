using System.Globalization;
using Cotravail.Web.Common;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Events;

/// <summary>An event's instants read in its site's time zone, and written as people read them.</summary>
public static class EventTimes
{
    public static DateTime LocalStart(Event e) => Local(e, e.StartUtc);

    public static DateTime LocalEnd(Event e) => Local(e, e.EndUtc);

    public static DateTime Local(Event e, DateTime utc)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Site is null ? utc : SiteTime.ToLocal(e.Site, utc);
    }

    /// <summary>« mardi 1 décembre 2026, 18 h 00 – 20 h 00 » (or both dates for an event over several days), in the current culture.</summary>
    public static string When(Event e)
    {
        var start = LocalStart(e);
        var end = LocalEnd(e);
        var startDay = DateOnly.FromDateTime(start);
        var endDay = DateOnly.FromDateTime(end);
        return startDay == endDay
            ? $"{Format.LongDate(startDay)}, {Format.Time(TimeOnly.FromDateTime(start))} – {Format.Time(TimeOnly.FromDateTime(end))}"
            : $"{Format.LongDate(startDay)}, {Format.Time(TimeOnly.FromDateTime(start))} – {Format.LongDate(endDay)}, {Format.Time(TimeOnly.FromDateTime(end))}";
    }

    /// <summary>The same in French whatever the current culture (e-mails, background jobs).</summary>
    public static string WhenInFrench(Event e)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = Localisation.French;
        try
        {
            return When(e);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    /// <summary>Converts a site-local date and time, refusing the hour a daylight-saving change skips or repeats.</summary>
    public static (DateTime Utc, SiteTime.Problem Problem) ToUtc(Site site, DateOnly date, TimeOnly time) =>
        SiteTime.ToUtc(SiteClock.Zone(site), date, time);
}
