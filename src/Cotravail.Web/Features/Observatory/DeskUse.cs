using Cotravail.Web.Data;
using Cotravail.Web.Features.Observatory.Aggregates;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Observatory;

/// <summary>
/// Half-days used in the desk pools of each site per month span, added up by the database: from the monthly counters
/// for whole months; for a month cut at its end (the current month up to today), the counter less the day counters
/// after the cut; otherwise from the day counters of the span. With <c>total</c>, every site is added up per month
/// (site id 0).
/// </summary>
internal static class DeskUse
{
    public static async Task<Dictionary<(int SiteId, DateOnly Month), int>> ReadAsync(
        AppDbContext db, IQueryable<int> siteIds, IReadOnlyList<MonthSpan> spans, bool total, CancellationToken ct)
    {
        var used = new Dictionary<(int, DateOnly), int>();
        var pools = db.Resources.Where(r => r.Kind == ResourceKind.DeskPool && siteIds.Contains(r.SiteId));
        // A month cut only at its end (the current month up to today) is its counter less the days after the cut.
        var whole = spans.Where(s => s.Start == s.Month).ToList();
        if (whole.Count > 0)
        {
            var (first, last) = (whole[0].Month, whole[^1].Month);
            var months = db.Set<DeskMonth>().AsNoTracking().Where(m => m.Month >= first && m.Month <= last)
                .Join(pools, m => m.ResourceId, r => r.Id, (m, r) => new { r.SiteId, m.Month, m.HalfDays });
            var rows = total
                ? await months.GroupBy(m => m.Month).Select(g => new { SiteId = 0, Month = g.Key, HalfDays = g.Sum(m => m.HalfDays) }).ToListAsync(ct)
                : await months.GroupBy(m => new { m.SiteId, m.Month }).Select(g => new { g.Key.SiteId, g.Key.Month, HalfDays = g.Sum(m => m.HalfDays) }).ToListAsync(ct);
            foreach (var m in rows)
            {
                used[(m.SiteId, m.Month)] = m.HalfDays;
            }
        }
        foreach (var span in spans.Where(s => !s.IsWhole))
        {
            var (start, end, sign) = span.Start == span.Month ? (span.End.AddDays(1), span.Last, -1) : (span.Start, span.End, 1);
            var sums = await db.DeskDays.AsNoTracking().Where(d => d.Date >= start && d.Date <= end)
                .Join(pools, d => d.ResourceId, r => r.Id, (d, r) => new { r.SiteId, HalfDays = d.Morning + d.Afternoon })
                .GroupBy(d => d.SiteId).Select(g => new { g.Key, HalfDays = g.Sum(d => d.HalfDays) }).ToListAsync(ct);
            foreach (var s in sums)
            {
                var key = (total ? 0 : s.Key, span.Month);
                used[key] = used.GetValueOrDefault(key) + sign * s.HalfDays;
            }
        }
        return used;
    }
}
