using Cotravail.Web.Data;
using Cotravail.Web.Features.Observatory.Aggregates;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Observatory;

/// <summary>Visits, distinct people and regulars of one site over one month span.</summary>
internal sealed record PresenceCount(int Visits, int Visitors, int Regulars);

/// <summary>
/// Presence figures of a period: read from the counters for whole months (ADR 0016), computed from the visits for a
/// month the period cuts. A month cut at its end still counts as whole when nothing is dated after the cut (the
/// current month up to today): the counters then hold exactly the same visits.
/// </summary>
internal sealed class Presence(AppDbContext db)
{
    public Dictionary<(int SiteId, DateOnly Month), PresenceCount> Months { get; } = [];

    public Dictionary<string, int> Origins { get; } = new(StringComparer.Ordinal);

    /// <param name="networks">When not null, the sites are every site of these networks: origins are read from the networks' rows.</param>
    public async Task ReadAsync(IReadOnlyCollection<int> siteIds, IReadOnlyCollection<int>? networks, IReadOnlyList<MonthSpan> spans, CancellationToken ct)
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
                await LiveAsync(siteIds, span, ct);
            }
        }
        if (whole.Count == 0)
        {
            return;
        }
        var (first, last) = (whole[0].Month, whole[^1].Month);
        var counts = await db.Set<SiteMonthCount>().AsNoTracking()
            .Where(m => siteIds.Contains(m.SiteId) && m.Month >= first && m.Month <= last).ToListAsync(ct);
        foreach (var m in counts)
        {
            Months[(m.SiteId, m.Month)] = new PresenceCount(m.Visits, m.Visitors, m.Regulars);
        }
        var keys = networks is null ? siteIds : [.. networks.Select(n => -n)];
        var origins = await db.Set<OriginMonth>().AsNoTracking()
            .Where(o => keys.Contains(o.SiteId) && o.Month >= first && o.Month <= last)
            .GroupBy(o => o.Postcode).Select(g => new { g.Key, Visits = g.Sum(o => o.Visits) }).ToListAsync(ct);
        foreach (var o in origins)
        {
            Origins[o.Key] = Origins.GetValueOrDefault(o.Key) + o.Visits;
        }
    }

    private async Task LiveAsync(IReadOnlyCollection<int> siteIds, MonthSpan span, CancellationToken ct)
    {
        var visits = await db.Visits.AsNoTracking().Where(v => siteIds.Contains(v.SiteId) && v.Date >= span.Start && v.Date <= span.End)
            .Select(v => new { v.SiteId, v.VisitorId, v.Postcode }).ToListAsync(ct);
        foreach (var site in visits.GroupBy(v => v.SiteId))
        {
            var perVisitor = site.GroupBy(v => v.VisitorId).Select(g => g.Count()).ToList();
            Months[(site.Key, span.Month)] = new PresenceCount(perVisitor.Sum(), perVisitor.Count,
                perVisitor.Count(c => c >= IndicatorsQuery.RegularVisitsAMonth));
        }
        foreach (var g in visits.GroupBy(v => v.Postcode ?? "?"))
        {
            Origins[g.Key] = Origins.GetValueOrDefault(g.Key) + g.Count();
        }
    }
}
