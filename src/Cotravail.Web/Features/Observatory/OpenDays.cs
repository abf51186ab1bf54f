using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Observatory;

/// <summary>What the observatory needs of a site to count the desk-days it offers.</summary>
/// <param name="Weekdays">Bit <c>1 &lt;&lt; (int)DayOfWeek</c> set for each day the site opens.</param>
internal sealed record SiteDesks(int SiteId, string Name, int Desks, int Weekdays, bool ClosedOnPublicHolidays, IReadOnlyList<Closure> Closures)
{
    /// <summary>The sites, their desks (pools not archived), open weekdays and the closures that touch the period: four light queries.</summary>
    public static async Task<List<SiteDesks>> ReadAsync(AppDbContext db, IQueryable<int> siteIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).Select(s => new { s.Id, s.Name, s.ClosedOnPublicHolidays }).ToListAsync(ct);
        var desks = await db.Resources.AsNoTracking().Where(r => siteIds.Contains(r.SiteId) && r.Kind == ResourceKind.DeskPool && !r.IsArchived)
            .GroupBy(r => r.SiteId).Select(g => new { g.Key, Desks = g.Sum(r => r.Capacity) }).ToDictionaryAsync(x => x.Key, x => x.Desks, ct);
        var days = (await db.OpeningHours.AsNoTracking().Where(h => siteIds.Contains(h.SiteId)).Select(h => new { h.SiteId, h.Day }).Distinct().ToListAsync(ct))
            .ToLookup(h => h.SiteId, h => 1 << (int)h.Day);
        var closures = (await db.Closures.AsNoTracking().Where(c => siteIds.Contains(c.SiteId) && c.StartDate <= to && c.EndDate >= from).ToListAsync(ct))
            .ToLookup(c => c.SiteId);
        return [.. sites.Select(s => new SiteDesks(s.Id, s.Name, desks.GetValueOrDefault(s.Id), days[s.Id].Aggregate(0, (a, b) => a | b),
            s.ClosedOnPublicHolidays, [.. closures[s.Id]]))];
    }
}

/// <summary>
/// Days a site is open in a month span: its weekly days, less its closures and, if it closes then, public holidays.
/// Sites with the same weekdays and holiday rule and no closure in the span share one count, so a national network is
/// counted as a handful of calendars.
/// </summary>
internal sealed class OpenDays(DateOnly from, DateOnly to)
{
    private readonly HashSet<DateOnly> _holidays = [.. Enumerable.Range(from.Year, to.Year - from.Year + 1).SelectMany(FrenchPublicHolidays.Of).Select(h => h.Day)];
    private readonly Dictionary<(int Weekdays, bool Holidays, DateOnly Start, DateOnly End), int> _shared = [];

    public int Of(SiteDesks site, MonthSpan span)
    {
        if (site.Closures.Count > 0 && site.Closures.Where(c => c.StartDate <= span.End && c.EndDate >= span.Start).ToList() is { Count: > 0 } closures)
        {
            return Count(site.Weekdays, site.ClosedOnPublicHolidays, span, closures);
        }
        var key = (site.Weekdays, site.ClosedOnPublicHolidays, span.Start, span.End);
        if (!_shared.TryGetValue(key, out var days))
        {
            _shared[key] = days = Count(site.Weekdays, site.ClosedOnPublicHolidays, span, []);
        }
        return days;
    }

    private int Count(int weekdays, bool closedOnHolidays, MonthSpan span, List<Closure> closures)
    {
        var days = 0;
        for (var d = span.Start; d <= span.End; d = d.AddDays(1))
        {
            if ((weekdays & (1 << (int)d.DayOfWeek)) != 0 && !(closedOnHolidays && _holidays.Contains(d)) && !closures.Any(c => c.Includes(d)))
            {
                days++;
            }
        }
        return days;
    }
}
