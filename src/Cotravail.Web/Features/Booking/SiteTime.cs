using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Booking;

/// <summary>Site-local date-times to UTC instants, refusing the times a daylight-saving change skips or repeats.</summary>
public static class SiteTime
{
    public enum Problem
    {
        None,
        /// <summary>The clock jumps over it (02:30 on the last Sunday of March in Paris).</summary>
        Skipped,
        /// <summary>The clock shows it twice (02:30 on the last Sunday of October in Paris).</summary>
        Repeated,
    }

    public static (DateTime Utc, Problem Problem) ToUtc(TimeZoneInfo zone, DateOnly date, TimeOnly time)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return (default, Problem.Skipped);
        }
        if (zone.IsAmbiguousTime(local))
        {
            return (default, Problem.Repeated);
        }
        return (TimeZoneInfo.ConvertTimeToUtc(local, zone), Problem.None);
    }

    /// <summary>For times inside opening hours, which never fall in a change: the plain conversion.</summary>
    public static DateTime ToUtcLenient(TimeZoneInfo zone, DateOnly date, TimeOnly time)
    {
        var (utc, problem) = ToUtc(zone, date, time);
        if (problem == Problem.None)
        {
            return utc;
        }
        // A skipped time is moved forward by the gap; a repeated one takes its first (summer) occurrence.
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return problem == Problem.Skipped
            ? TimeZoneInfo.ConvertTimeToUtc(local.AddHours(1), zone)
            : DateTime.SpecifyKind(local - zone.GetAmbiguousTimeOffsets(local).Max(), DateTimeKind.Utc);
    }

    public static DateTime ToLocal(Site site, DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), SiteClock.Zone(site));
}
