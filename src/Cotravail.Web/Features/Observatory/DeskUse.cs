using Cotravail.Web.Data;
using Cotravail.Web.Features.Observatory.Aggregates;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Observatory;

/// <summary>
/// Half-days used per desk pool and month span: from the monthly counters for whole months, from the day counters
/// otherwise (a month cut by the period may hold bookings after the cut).
/// </summary>
internal static class DeskUse
{
    public static async Task<Dictionary<(int ResourceId, DateOnly Month), int>> ReadAsync(
        AppDbContext db, IReadOnlyCollection<int> deskIds, IReadOnlyList<MonthSpan> spans, CancellationToken ct)
    {
        var used = new Dictionary<(int, DateOnly), int>();
        var whole = spans.Where(s => s.IsWhole).ToList();
        if (whole.Count > 0)
        {
            var (first, last) = (whole[0].Month, whole[^1].Month);
            foreach (var m in await db.Set<DeskMonth>().AsNoTracking()
                .Where(m => deskIds.Contains(m.ResourceId) && m.Month >= first && m.Month <= last).ToListAsync(ct))
            {
                used[(m.ResourceId, m.Month)] = m.HalfDays;
            }
        }
        foreach (var span in spans.Where(s => !s.IsWhole))
        {
            var sums = await db.DeskDays.AsNoTracking()
                .Where(d => deskIds.Contains(d.ResourceId) && d.Date >= span.Start && d.Date <= span.End)
                .GroupBy(d => d.ResourceId).Select(g => new { g.Key, HalfDays = g.Sum(d => d.Morning + d.Afternoon) }).ToListAsync(ct);
            foreach (var s in sums)
            {
                used[(s.Key, span.Month)] = s.HalfDays;
            }
        }
        return used;
    }
}
