namespace Cotravail.Web.Features.Sites;

/// <summary>The site's own local time, from the injected clock and the site's time zone.</summary>
public static class SiteClock
{
    // Zones found once per name: the runtime's own lookup takes a lock that every booking would queue on.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    public static TimeZoneInfo Zone(Site site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return Zones.GetOrAdd(site.TimeZone ?? "", static id => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc);
    }

    public static DateTime LocalNow(Site site, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Zone(site));
    }

    public static DateOnly Today(Site site, TimeProvider clock) => DateOnly.FromDateTime(LocalNow(site, clock));
}
