namespace Cotravail.Web.Features.Sites;

/// <summary>Rules about when a site is open: weekly hours, closures and public holidays.</summary>
public static class SiteCalendar
{
    /// <summary>The site's hours on that date, or null when it is closed (no hours, a closure, a public holiday).</summary>
    public static OpeningHours? HoursOn(Site site, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(site);
        if (ClosureOn(site, day) is not null)
        {
            return null;
        }
        return site.OpeningHours.FirstOrDefault(h => h.Day == day.DayOfWeek);
    }

    /// <summary>Why the site is shut that date (a closure's reason or the holiday's name), or null.</summary>
    public static string? ClosureOn(Site site, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(site);
        var closure = site.Closures.FirstOrDefault(c => c.Includes(day));
        if (closure is not null)
        {
            return closure.Reason;
        }
        return site.ClosedOnPublicHolidays ? FrenchPublicHolidays.NameOf(day) : null;
    }

    /// <summary>True when the site is open at that local time (inside one of the day's ranges, no closure).</summary>
    public static bool IsOpenAt(Site site, DateTime local)
    {
        var hours = HoursOn(site, DateOnly.FromDateTime(local));
        var time = TimeOnly.FromDateTime(local);
        return hours is not null && ((time >= hours.Opens && time < hours.Closes)
            || (hours.Opens2 is { } o2 && hours.Closes2 is { } c2 && time >= o2 && time < c2));
    }

    /// <summary>When the site next opens after <paramref name="local"/> (local time), looking <paramref name="days"/> days ahead; null when it does not.</summary>
    public static DateTime? NextOpening(Site site, DateTime local, int days = 60)
    {
        var today = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        for (var day = today; day <= today.AddDays(days); day = day.AddDays(1))
        {
            if (HoursOn(site, day) is not { } hours)
            {
                continue;
            }
            TimeOnly?[] starts = [hours.Opens, hours.Opens2];
            if (starts.FirstOrDefault(o => o is { } t && (day > today || t > time)) is { } opens)
            {
                return day.ToDateTime(opens);
            }
        }
        return null;
    }

    /// <summary>Closures and public holidays that end on or after <paramref name="today"/>, within <paramref name="days"/> days.</summary>
    public static IReadOnlyList<Closure> UpcomingClosures(Site site, DateOnly today, int days)
    {
        ArgumentNullException.ThrowIfNull(site);
        var last = today.AddDays(days);
        var list = site.Closures.Where(c => c.EndDate >= today && c.StartDate <= last).ToList();
        if (site.ClosedOnPublicHolidays)
        {
            for (var year = today.Year; year <= last.Year; year++)
            {
                list.AddRange(FrenchPublicHolidays.Of(year)
                    .Where(h => h.Day >= today && h.Day <= last && !site.Closures.Any(c => c.Includes(h.Day)))
                    .Select(h => new Closure { SiteId = site.Id, StartDate = h.Day, EndDate = h.Day, Reason = h.Name }));
            }
        }
        return [.. list.OrderBy(c => c.StartDate)];
    }
}
