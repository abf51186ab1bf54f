using Cotravail.Web.Data;
using Cotravail.Web.Features.Observatory.Aggregates;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Observatory;

/// <summary>Visits, distinct people and regulars of one site (or of every site added up) over one month span.</summary>
internal sealed record PresenceCount(int Visits, int Visitors, int Regulars)
{
    public PresenceCount Plus(PresenceCount other) => new(Visits + other.Visits, Visitors + other.Visitors, Regulars + other.Regulars);
}

/// <summary>
/// Presence figures of a period: read from the counters for whole months (ADR 0016), counted by the database from the
/// visits for a month the period cuts. A month cut at its end still counts as whole when nothing is dated after the cut
/// (the current month up to today): the counters then hold exactly the same visits. With <c>total</c>, every site is
/// added up per month (site id 0) by the database: a person who came to two sites counts at each.
/// </summary>
internal sealed class Presence(AppDbContext db)
{
    public Dictionary<(int SiteId, DateOnly Month), PresenceCount> Months { get; } = [];

    /// <summary>Visits by postcode of residence (« ? » when unknown) and INSEE code of the commune (empty when not chosen).</summary>
    public Dictionary<(string Postcode, string Insee), int> Origins { get; } = [];

    /// <param name="siteIds">The sites, as a query the database runs inside its own.</param>
    /// <param name="networks">When not null, the sites are every site of these networks: origins are read from the networks' rows.</param>
    /// <param name="total">Add every site up per month instead of one figure per site and month.</param>
    public async Task ReadAsync(IQueryable<int> siteIds, IReadOnlyCollection<int>? networks, IReadOnlyList<MonthSpan> spans, bool total, CancellationToken ct)
    {
        var whole = new List<MonthSpan>();
        foreach (var span in spans)
        {
            if (span.Start == span.Month && (span.End == span.Last
                || !await db.Visits.AnyAsync(v => v.Date > span.End && v.Date <= span.Last, ct)))
            {
                whole.Add(span);
            }
            else
            {
                await LiveAsync(siteIds, span, total, ct);
            }
        }
        if (whole.Count == 0)
        {
            return;
        }
        var (first, last) = (whole[0].Month, whole[^1].Month);
        var counts = db.Set<SiteMonthCount>().AsNoTracking().Where(m => siteIds.Contains(m.SiteId) && m.Month >= first && m.Month <= last);
        var rows = total
            ? await counts.GroupBy(m => m.Month).Select(g => new SiteMonthCount
                { SiteId = 0, Month = g.Key, Visits = g.Sum(m => m.Visits), Visitors = g.Sum(m => m.Visitors), Regulars = g.Sum(m => m.Regulars) }).ToListAsync(ct)
            : await counts.ToListAsync(ct);
        foreach (var m in rows)
        {
            Months[(m.SiteId, m.Month)] = new PresenceCount(m.Visits, m.Visitors, m.Regulars);
        }
        List<int> networkRows = networks is null ? [] : [.. networks.Select(n => -n)];
        var origins = networks is null
            ? db.Set<OriginMonth>().AsNoTracking().Where(o => siteIds.Contains(o.SiteId))
            : db.Set<OriginMonth>().AsNoTracking().Where(o => networkRows.Contains(o.SiteId));
        foreach (var o in await origins.Where(o => o.Month >= first && o.Month <= last)
            .GroupBy(o => new { o.Postcode, o.Insee }).Select(g => new { g.Key.Postcode, g.Key.Insee, Visits = g.Sum(o => o.Visits) }).ToListAsync(ct))
        {
            Add(o.Postcode, o.Insee, o.Visits);
        }
    }

    /// <summary>A month the period cuts: the database counts each person's visits, then each site's people.</summary>
    private async Task LiveAsync(IQueryable<int> siteIds, MonthSpan span, bool total, CancellationToken ct)
    {
        var visits = db.Visits.AsNoTracking().Where(v => siteIds.Contains(v.SiteId) && v.Date >= span.Start && v.Date <= span.End);
        var perSite = await visits.GroupBy(v => new { v.SiteId, v.VisitorId }).Select(g => new { g.Key.SiteId, Count = g.Count() })
            .GroupBy(p => p.SiteId)
            .Select(g => new { g.Key, Visits = g.Sum(p => p.Count), Visitors = g.Count(), Regulars = g.Count(p => p.Count >= IndicatorsQuery.RegularVisitsAMonth) })
            .ToListAsync(ct);
        foreach (var site in perSite)
        {
            var key = (total ? 0 : site.Key, span.Month);
            var count = new PresenceCount(site.Visits, site.Visitors, site.Regulars);
            Months[key] = Months.TryGetValue(key, out var sum) ? sum.Plus(count) : count;
        }
        foreach (var o in await visits.GroupBy(v => new { Postcode = v.Postcode ?? "?", Insee = v.CommuneInsee ?? "" })
            .Select(g => new { g.Key.Postcode, g.Key.Insee, Visits = g.Count() }).ToListAsync(ct))
        {
            Add(o.Postcode, o.Insee, o.Visits);
        }
    }

    private void Add(string postcode, string insee, int visits) =>
        Origins[(postcode, insee)] = Origins.GetValueOrDefault((postcode, insee)) + visits;
}
