using Cotravail.Web.Data;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Billing.Entitlements;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Events;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.MySpace;

/// <summary>
/// The staff's blocks of « Mon espace », strictly within <see cref="StaffAccess"/>: the sites whose reception the person
/// keeps (hosted ones first) with today's bookings and who is here now, and the week's figures of each network they manage.
/// </summary>
public sealed class StaffBlocks(AppDbContext db, StaffAccess staff, TimeProvider clock)
{
    /// <summary>Sites listed at most; « Accueil du jour » lists them all.</summary>
    public const int SitesShown = 12;

    private static readonly TimeZoneInfo Paris =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out var zone) ? zone : TimeZoneInfo.Utc;

    public async Task<IReadOnlyList<SiteToday>> SitesTodayAsync(CancellationToken ct)
    {
        var reach = await staff.User.ReachAsync(ct);
        if (reach.Sites.Count == 0)
        {
            return [];
        }
        var ids = reach.StaffedSiteIds;
        var hosted = reach.HostedSiteIds.ToHashSet();
        var sites = (await db.Sites.AsNoTracking().Where(s => ids.Contains(s.Id) && !s.IsArchived).ToListAsync(ct))
            .OrderBy(s => hosted.Contains(s.Id) ? 0 : 1).ThenBy(s => s.Name, StringComparer.CurrentCulture).Take(SitesShown).ToList();
        var shown = sites.Select(s => s.Id).ToList();
        var days = sites.ToDictionary(s => s.Id, s => SiteClock.Today(s, clock));
        var (first, last) = (days.Values.Min(), days.Values.Max());
        var booked = await db.Bookings.Where(b => shown.Contains(b.SiteId) && b.Date >= first && b.Date <= last && b.Status == BookingStatus.Confirmed)
            .GroupBy(b => new { b.SiteId, b.Date }).Select(g => new { g.Key.SiteId, g.Key.Date, Count = g.Count() }).ToListAsync(ct);
        var present = await db.Visits.Where(v => shown.Contains(v.SiteId) && v.DepartedAtUtc == null)
            .GroupBy(v => v.SiteId).Select(g => new { SiteId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.SiteId, x => x.Count, ct);
        return [.. sites.Select(s => new SiteToday(s.Id, s.Name, s.Slug, hosted.Contains(s.Id),
            booked.Where(b => b.SiteId == s.Id && b.Date == days[s.Id]).Sum(b => b.Count), present.GetValueOrDefault(s.Id), $"/accueil/{s.Slug}"))];
    }

    /// <summary>This week's figures (Monday to Sunday, Paris time) of each network the person manages; none for others.</summary>
    public async Task<IReadOnlyList<NetworkWeek>> NetworkWeeksAsync(CancellationToken ct)
    {
        var networks = await staff.ManagedNetworkIdsAsync(ct);
        if (networks.Count == 0)
        {
            return [];
        }
        var (from, to) = Week(ParisDay.Today(clock));
        var fromUtc = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), Paris);
        var toUtc = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), Paris);
        var names = await db.Networks.AsNoTracking().Where(n => networks.Contains(n.Id)).OrderBy(n => n.Name)
            .Select(n => new { n.Id, n.Name }).ToListAsync(ct);

        var visits = await db.Visits.Where(v => networks.Contains(v.Site!.NetworkId) && v.Date >= from && v.Date <= to)
            .GroupBy(v => v.Site!.NetworkId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var bookings = await db.Bookings.Where(b => networks.Contains(b.Site!.NetworkId) && b.Date >= from && b.Date <= to
                && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.NoShow))
            .GroupBy(b => b.Site!.NetworkId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var members = await db.Set<NetworkMember>().Where(m => networks.Contains(m.NetworkId) && m.SinceUtc >= fromUtc && m.SinceUtc < toUtc)
            .GroupBy(m => m.NetworkId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var events = await db.Events.Where(e => networks.Contains(e.Site!.NetworkId) && e.Status == EventStatus.Published
                && e.StartUtc >= fromUtc && e.StartUtc < toUtc)
            .GroupBy(e => e.Site!.NetworkId).Select(g => new { g.Key, Count = g.Count(), Registered = g.Sum(e => e.Registered) })
            .ToDictionaryAsync(x => x.Key, ct);
        var invoiced = await db.Invoices.Where(i => networks.Contains(i.NetworkId) && i.IssueDate >= from && i.IssueDate <= to)
            .GroupBy(i => i.NetworkId)
            .Select(g => new { g.Key, Cents = g.Sum(i => i.Kind == InvoiceKind.CreditNote ? -i.TotalInclTaxCents : i.TotalInclTaxCents) })
            .ToDictionaryAsync(x => x.Key, x => x.Cents, ct);
        var collected = await db.Payments.Where(p => networks.Contains(p.NetworkId) && p.RecordedAtUtc >= fromUtc && p.RecordedAtUtc < toUtc)
            .GroupBy(p => p.NetworkId).Select(g => new { g.Key, Cents = g.Sum(p => p.AmountCents) })
            .ToDictionaryAsync(x => x.Key, x => x.Cents, ct);

        return [.. names.Select(n => new NetworkWeek(n.Id, n.Name, from, to, visits.GetValueOrDefault(n.Id), bookings.GetValueOrDefault(n.Id),
            members.GetValueOrDefault(n.Id), events.GetValueOrDefault(n.Id)?.Count ?? 0, events.GetValueOrDefault(n.Id)?.Registered ?? 0,
            invoiced.GetValueOrDefault(n.Id), collected.GetValueOrDefault(n.Id)))];
    }

    /// <summary>Monday and Sunday of the week of <paramref name="day"/>.</summary>
    public static (DateOnly Monday, DateOnly Sunday) Week(DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return (monday, monday.AddDays(6));
    }
}
