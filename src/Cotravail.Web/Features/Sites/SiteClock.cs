namespace Cotravail.Web.Features.Sites;

/// <summary>The site's own local time, from the injected clock and the site's time zone.</summary>
public static class SiteClock
{
    public static TimeZoneInfo Zone(Site site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return TimeZoneInfo.TryFindSystemTimeZoneById(site.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    public static DateTime LocalNow(Site site, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Zone(site));
    }

    public static DateOnly Today(Site site, TimeProvider clock) => DateOnly.FromDateTime(LocalNow(site, clock));
}
