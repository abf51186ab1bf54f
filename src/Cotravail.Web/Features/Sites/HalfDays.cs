namespace Cotravail.Web.Features.Sites;

/// <summary>
/// A day's halves follow its hours: with two ranges (a lunch closure) the morning is the first range and the afternoon
/// the second; with one range, the site's <see cref="Site.HalfDaySplit"/> divides it.
/// </summary>
public static class HalfDays
{
    public static (TimeOnly Start, TimeOnly End) Morning(Site site, OpeningHours hours)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(hours);
        return hours.Opens2 is not null ? (hours.Opens, hours.Closes) : (hours.Opens, Min(site.HalfDaySplit, hours.Closes));
    }

    public static (TimeOnly Start, TimeOnly End) Afternoon(Site site, OpeningHours hours)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(hours);
        return hours is { Opens2: { } opens2, Closes2: { } closes2 } ? (opens2, closes2) : (Max(site.HalfDaySplit, hours.Opens), hours.Closes);
    }

    /// <summary>When the morning ends that day (from then on, it is the afternoon).</summary>
    public static TimeOnly MorningEnds(Site site, OpeningHours? hours)
    {
        ArgumentNullException.ThrowIfNull(site);
        return hours is null ? site.HalfDaySplit : Morning(site, hours).End;
    }

    private static TimeOnly Min(TimeOnly a, TimeOnly b) => a < b ? a : b;

    private static TimeOnly Max(TimeOnly a, TimeOnly b) => a > b ? a : b;
}
