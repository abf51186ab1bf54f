using Cotravail.Web.Data;
using Cotravail.Web.Features.Events;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Observatory;

/// <summary>
/// Computes the observatory's indicators for a period and a set of sites, from the monthly counters the database keeps
/// (visits, desk use, revenue: ADR 0016), events and volunteering. Every figure is a count or a sum; no name leaves
/// this class.
/// </summary>
public sealed class IndicatorsQuery(AppDbContext db)
{
    /// <summary>A person is a regular when they came 4 times or more in the month.</summary>
    public const int RegularVisitsAMonth = 4;

    public async Task<IndicatorSet> ComputeAsync(IReadOnlyCollection<int> networks, int? siteId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var sites = await db.Sites.AsNoTracking().AsSplitQuery().Include(s => s.Resources).Include(s => s.OpeningHours).Include(s => s.Closures)
            .Where(s => networks.Contains(s.NetworkId) && (siteId == null || s.Id == siteId)).ToListAsync(ct);
        var ids = sites.Select(s => s.Id).ToList();
        var spans = MonthSpan.Between(from, to);
        var presence = new Presence(db);
        await presence.ReadAsync(ids, siteId is null ? networks : null, spans, ct);
        var deskIds = sites.SelectMany(s => s.Resources).Where(r => r.Kind == ResourceKind.DeskPool).Select(r => r.Id).ToList();
        var deskUse = await DeskUse.ReadAsync(db, deskIds, spans, ct);
        var animation = await Animation.ReadAsync(db, sites, from, to, ct);
        var holidays = Enumerable.Range(from.Year, to.Year - from.Year + 1).SelectMany(FrenchPublicHolidays.Of).Select(h => h.Day).ToHashSet();

        var months = new List<SiteMonth>();
        foreach (var site in sites.OrderBy(s => s.Name))
        {
            var capacity = site.Resources.Where(r => r.Kind == ResourceKind.DeskPool && !r.IsArchived).Sum(r => r.Capacity);
            var siteDesks = site.Resources.Where(r => r.Kind == ResourceKind.DeskPool).Select(r => r.Id).ToList();
            foreach (var span in spans)
            {
                var p = presence.Months.GetValueOrDefault((site.Id, span.Month)) ?? new PresenceCount(0, 0, 0);
                var usedTenths = siteDesks.Sum(d => deskUse.GetValueOrDefault((d, span.Month))) * 5;
                var (events, participants, help) = animation.Of(site.Id, span);
                months.Add(new SiteMonth(site.Id, site.Name, $"{span.Month:yyyy-MM}", p.Visits, p.Visitors, p.Regulars, p.Visitors - p.Regulars,
                    usedTenths, capacity * OpenDays(site, span, holidays), events, participants, help));
            }
        }
        var origins = presence.Origins.Select(o => new Origin(o.Key, Communes.At(o.Key).FirstOrDefault(), o.Value))
            .OrderByDescending(o => o.Visits).ThenBy(o => o.Postcode, StringComparer.Ordinal).ToList();
        var revenue = await RevenueByProduct.ReadAsync(db, networks, spans, ct);
        var fromCreated = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var toCreated = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var newMembers = await db.Users.CountAsync(u => u.CreatedAtUtc >= fromCreated && u.CreatedAtUtc < toCreated, ct);
        var members = await db.Users.CountAsync(u => u.EmailConfirmed, ct);
        var (directory, board) = await NetworkFigures.DirectoryAsync(db, spans, to, ct);
        var newcomers = await NetworkFigures.NewcomersAsync(db, networks, from, to, ct);
        return new IndicatorSet(from, to, months, origins, revenue, newMembers, members) { Directory = directory, Board = board, Newcomers = newcomers };
    }

    /// <summary>Days of the span the site is open (weekly hours, less closures and, if the site closes then, public holidays).</summary>
    private static int OpenDays(Site site, MonthSpan span, HashSet<DateOnly> holidays)
    {
        var open = new bool[7];
        foreach (var h in site.OpeningHours)
        {
            open[(int)h.Day] = true;
        }
        var days = 0;
        for (var d = span.Start; d <= span.End; d = d.AddDays(1))
        {
            if (open[(int)d.DayOfWeek] && !(site.ClosedOnPublicHolidays && holidays.Contains(d)) && !site.Closures.Any(c => c.Includes(d)))
            {
                days++;
            }
        }
        return days;
    }
}
