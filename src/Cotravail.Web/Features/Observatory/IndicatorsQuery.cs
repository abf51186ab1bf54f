using Cotravail.Web.Data;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Events;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Observatory;

/// <summary>
/// Computes the observatory's indicators for a period and a set of sites, from visits, desk counters, events,
/// volunteering and invoices. Every figure is a count or a sum; no name leaves this class.
/// </summary>
public sealed class IndicatorsQuery(AppDbContext db)
{
    /// <summary>A person is a regular when they came 4 times or more in the month.</summary>
    public const int RegularVisitsAMonth = 4;

    public async Task<IndicatorSet> ComputeAsync(IReadOnlyCollection<int> networks, int? siteId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var sites = await db.Sites.AsNoTracking().Include(s => s.Resources).Include(s => s.OpeningHours).Include(s => s.Closures)
            .Where(s => networks.Contains(s.NetworkId) && (siteId == null || s.Id == siteId)).ToListAsync(ct);
        var ids = sites.Select(s => s.Id).ToList();
        var visits = await db.Visits.AsNoTracking().Where(v => ids.Contains(v.SiteId) && v.Date >= from && v.Date <= to)
            .Select(v => new { v.SiteId, v.Date, v.VisitorId, v.Postcode }).ToListAsync(ct);
        var deskIds = sites.SelectMany(s => s.Resources).Where(r => r.Kind == ResourceKind.DeskPool).Select(r => r.Id).ToList();
        var deskDays = await db.DeskDays.AsNoTracking().Where(d => deskIds.Contains(d.ResourceId) && d.Date >= from && d.Date <= to).ToListAsync(ct);
        var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-1);
        var toUtc = to.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var events = await db.Events.AsNoTracking().Where(e => ids.Contains(e.SiteId) && e.Status == EventStatus.Published && e.StartUtc >= fromUtc && e.StartUtc < toUtc)
            .Select(e => new { e.Id, e.SiteId, e.StartUtc }).ToListAsync(ct);
        var eventIds = events.Select(e => e.Id).ToList();
        var participants = await db.EventRegistrations.AsNoTracking()
            .Where(r => eventIds.Contains(r.EventId) && r.Status == RegistrationStatus.Confirmed && r.Attended != false)
            .GroupBy(r => r.EventId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var help = await db.HelpSignups.AsNoTracking().Join(db.HelpTasks, s => s.TaskId, t => t.Id, (s, t) => new { t.SiteId, t.Date })
            .Where(x => ids.Contains(x.SiteId) && x.Date >= from && x.Date <= to).ToListAsync(ct);

        var months = new List<SiteMonth>();
        foreach (var site in sites.OrderBy(s => s.Name))
        {
            var zone = SiteClock.Zone(site);
            var capacity = site.Resources.Where(r => r.Kind == ResourceKind.DeskPool && !r.IsArchived).Sum(r => r.Capacity);
            var siteDesks = site.Resources.Where(r => r.Kind == ResourceKind.DeskPool).Select(r => r.Id).ToHashSet();
            for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
            {
                var (start, end) = (Max(month, from), Min(month.AddMonths(1).AddDays(-1), to));
                var siteVisits = visits.Where(v => v.SiteId == site.Id && v.Date >= start && v.Date <= end).ToList();
                var perVisitor = siteVisits.GroupBy(v => v.VisitorId).Select(g => g.Count()).ToList();
                var openDays = 0;
                for (var d = start; d <= end; d = d.AddDays(1))
                {
                    openDays += SiteCalendar.HoursOn(site, d) is null ? 0 : 1;
                }
                var usedTenths = deskDays.Where(d => siteDesks.Contains(d.ResourceId) && d.Date >= start && d.Date <= end).Sum(d => (d.Morning + d.Afternoon) * 5);
                var siteEvents = events.Where(e => e.SiteId == site.Id
                    && DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(e.StartUtc, zone)) is var d && d >= start && d <= end).ToList();
                months.Add(new SiteMonth(site.Id, site.Name, $"{month:yyyy-MM}", siteVisits.Count, perVisitor.Count,
                    perVisitor.Count(c => c >= RegularVisitsAMonth), perVisitor.Count(c => c < RegularVisitsAMonth),
                    usedTenths, capacity * openDays, siteEvents.Count, siteEvents.Sum(e => participants.GetValueOrDefault(e.Id)),
                    help.Count(h => h.SiteId == site.Id && h.Date >= start && h.Date <= end)));
            }
        }
        var origins = visits.GroupBy(v => v.Postcode ?? "?")
            .Select(g => new Origin(g.Key, Communes.At(g.Key).FirstOrDefault(), g.Count()))
            .OrderByDescending(o => o.Visits).ThenBy(o => o.Postcode, StringComparer.Ordinal).ToList();

        var invoiceLines = await db.Set<InvoiceLine>().AsNoTracking()
            .Join(db.Invoices.Where(i => networks.Contains(i.NetworkId) && i.IssueDate >= from && i.IssueDate <= to),
                l => l.InvoiceId, i => i.Id, (l, i) => new { i.Kind, l.Description, l.TotalInclTaxCents })
            .ToListAsync(ct);
        var revenue = invoiceLines.GroupBy(l => l.Description.Split(" – ")[0])
            .Select(g => new Revenue(g.Key, g.Sum(l => l.Kind == InvoiceKind.CreditNote ? -l.TotalInclTaxCents : l.TotalInclTaxCents)))
            .OrderByDescending(r => r.Cents).ToList();
        var fromCreated = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var toCreated = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var newMembers = await db.Users.CountAsync(u => u.CreatedAtUtc >= fromCreated && u.CreatedAtUtc < toCreated, ct);
        var members = await db.Users.CountAsync(u => u.EmailConfirmed, ct);
        return new IndicatorSet(from, to, months, origins, revenue, newMembers, members);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
