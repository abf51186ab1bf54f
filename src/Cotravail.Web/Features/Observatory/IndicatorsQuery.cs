using Cotravail.Web.Common;
using Cotravail.Web.Data;
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

    /// <param name="perSite">
    /// False to add every site up per month (one row a month, site id 0), which the database does: the answer for a
    /// national network without reading its sites one by one. Ignored when <paramref name="siteId"/> is given.
    /// </param>
    public async Task<IndicatorSet> ComputeAsync(
        IReadOnlyCollection<int> networks, int? siteId, DateOnly from, DateOnly to, CancellationToken ct, bool perSite = true)
    {
        if (siteId is { } asked)
        {
            // One site's figures are those of its network: its members, revenue, newcomers.
            var network = await db.Sites.Where(s => s.Id == asked && networks.Contains(s.NetworkId)).Select(s => (int?)s.NetworkId).FirstOrDefaultAsync(ct);
            networks = network is { } n ? [n] : [];
        }
        var total = siteId is null && !perSite;
        var siteIds = db.Sites.Where(s => networks.Contains(s.NetworkId) && (siteId == null || s.Id == siteId)).Select(s => s.Id);
        var spans = MonthSpan.Between(from, to);
        var presence = new Presence(db);
        await presence.ReadAsync(siteIds, siteId is null ? networks : null, spans, total, ct);
        var deskUse = await DeskUse.ReadAsync(db, siteIds, spans, total, ct);
        var animation = await Animation.ReadAsync(db, siteIds, from, to, total, ct);
        var sites = await SiteDesks.ReadAsync(db, siteIds, from, to, ct);
        var openDays = new OpenDays(from, to);

        var months = new List<SiteMonth>();
        IEnumerable<(int Id, string Name, List<SiteDesks> Sites)> rows = total
            ? [(0, IndicatorSet.AllSites, sites)]
            : sites.OrderBy(s => s.Name, StringComparer.CurrentCulture).Select(s => (s.SiteId, s.Name, new List<SiteDesks> { s }));
        foreach (var (id, name, group) in rows)
        {
            foreach (var span in spans)
            {
                var p = presence.Months.GetValueOrDefault((id, span.Month)) ?? new PresenceCount(0, 0, 0);
                var (events, participants, help) = animation.Of(id, span);
                months.Add(new SiteMonth(id, name, $"{span.Month:yyyy-MM}", p.Visits, p.Visitors, p.Regulars, p.Visitors - p.Regulars,
                    deskUse.GetValueOrDefault((id, span.Month)) * 5, group.Sum(s => s.Desks * openDays.Of(s, span)), events, participants, help));
            }
        }
        // A postcode of a single commune names it: its visits without a commune count at that commune.
        var origins = presence.Origins.Select(o => (o.Key.Postcode, Insee: o.Key.Insee is { Length: > 0 } insee ? insee
                : Common.Communes.AtPostcode(o.Key.Postcode) is [var only] ? only.Insee : null, Visits: o.Value))
            .GroupBy(o => (o.Postcode, o.Insee)).Select(g => new Origin(g.Key.Postcode, g.Sum(o => o.Visits)) { Insee = g.Key.Insee })
            .OrderByDescending(o => o.Visits).ThenBy(o => o.Postcode, StringComparer.Ordinal).ThenBy(o => o.Insee, StringComparer.Ordinal).ToList();
        var revenue = await RevenueByProduct.ReadAsync(db, networks, spans, ct);
        var names = sites.ToDictionary(s => s.SiteId, s => s.Name);
        var sources = (await db.Visits.Where(v => siteIds.Contains(v.SiteId) && v.Date >= from && v.Date <= to)
                .GroupBy(v => new { v.SiteId, v.Source }).Select(g => new { g.Key.SiteId, g.Key.Source, Visits = g.Count() }).ToListAsync(ct))
            .Select(x => new SourceCount(x.SiteId, names.GetValueOrDefault(x.SiteId) ?? "", x.Source, x.Visits)).ToList();
        var fromCreated = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var toCreated = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        // A network's members are its own people (ADR 0025: who booked, bought, registered or came there), never the
        // deployment's accounts; the new ones, those whose account was created in the period.
        var people = db.Set<Sites.NetworkMember>().Where(m => networks.Contains(m.NetworkId)).Select(m => m.UserId).Distinct();
        var members = await people.CountAsync(ct);
        var newMembers = await db.Users.CountAsync(u => people.Contains(u.Id) && u.CreatedAtUtc >= fromCreated && u.CreatedAtUtc < toCreated, ct);
        var (directory, board) = await NetworkFigures.DirectoryAsync(db, spans, to, ct);
        var newcomers = await NetworkFigures.NewcomersAsync(db, networks, from, to, ct);
        var epcis = await db.Networks.Where(n => networks.Contains(n.Id) && n.EpciSiren != null).Select(n => n.EpciSiren!).ToListAsync(ct);
        return new IndicatorSet(from, to, months, origins, revenue, newMembers, members)
        {
            Directory = directory, Board = board, Newcomers = newcomers, Places = OriginGroups.Of(origins, epcis), Sources = sources,
        };
    }
}
