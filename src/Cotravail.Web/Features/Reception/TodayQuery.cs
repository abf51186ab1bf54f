using Cotravail.Web.Data;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Reception;

/// <summary>A booking of today, as reception expects it.</summary>
public sealed record ExpectedRow(
    int BookingId, string UserId, string Name, string Resource, Period? Period, TimeOnly LocalStart, TimeOnly LocalEnd,
    BookingStatus Status, bool Arrived, int NoShows);

/// <summary>Someone here now.</summary>
public sealed record PresentRow(int VisitId, string Name, string? Resource, DateTime ArrivedAtUtc, VisitKind Kind, string Pass);

/// <summary>A resource right now: seats, people in it, places still free for the current half-day or slot.</summary>
public sealed record ResourceNow(int ResourceId, string Name, ResourceKind Kind, int Capacity, int Present, int Free);

/// <summary>An arrival or a departure of today.</summary>
public sealed record Movement(DateTime AtUtc, string Name, bool Arrival);

/// <summary>Whether the site is open now and, when it is not, when it next opens (local time; null: not in the coming weeks).</summary>
public sealed record OpenNow(bool IsOpen, DateTime? NextOpeningLocal);

public sealed record TodayView(
    Site Site, DateOnly Date, DateTime NowUtc, IReadOnlyList<ExpectedRow> Expected, IReadOnlyList<PresentRow> Present,
    IReadOnlyList<ResourceNow> Resources, IReadOnlyList<Movement> Movements, OpenNow Open)
{
    /// <summary>Bookings of today whose person has not arrived (those who arrived are among the present and the movements).</summary>
    public IReadOnlyList<ExpectedRow> StillExpected => [.. Expected.Where(e => !e.Arrived)];
}

/// <summary>What the « Aujourd'hui » page and <c>GET /api/v1/sites/{id}/today</c> show of a site.</summary>
public sealed class TodayQuery(AppDbContext db, AvailabilityQuery availability, TimeProvider clock)
{
    public Task<Site?> SiteBySlugAsync(string slug, CancellationToken ct) =>
        db.Sites.AsNoTracking().Include(s => s.Resources).FirstOrDefaultAsync(s => s.Slug == slug && !s.IsArchived, ct);

    public async Task<TodayView> LoadAsync(Site site, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(site);
        var today = SiteClock.Today(site, clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var resources = site.Resources.Where(r => !r.IsArchived).OrderBy(r => r.SortOrder).ThenBy(r => r.Id).ToList();
        var names = resources.ToDictionary(r => r.Id, r => r.Name);

        var bookings = await db.Bookings.AsNoTracking().Include(b => b.User)
            .Where(b => b.SiteId == site.Id && b.Date == today && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.NoShow))
            .ToListAsync(ct);
        var visits = await db.Visits.AsNoTracking().Include(v => v.Visitor)
            .Where(v => v.SiteId == site.Id && v.Date == today).ToListAsync(ct);
        var honoured = visits.Where(v => v.BookingId != null).Select(v => v.BookingId!.Value).ToHashSet();
        var userIds = bookings.Select(b => b.UserId).Distinct().ToList();
        var noShows = await NoShowCountsAsync(site.NetworkId, userIds, ct);

        var expected = bookings
            .OrderBy(b => b.LocalStart).ThenBy(b => b.User?.DisplayName, StringComparer.CurrentCulture)
            .Select(b => new ExpectedRow(b.Id, b.UserId, b.User?.DisplayName ?? "", names.GetValueOrDefault(b.ResourceId, ""), b.Period,
                b.LocalStart, b.LocalEnd, b.Status, honoured.Contains(b.Id), noShows.GetValueOrDefault(b.UserId)))
            .ToList();
        var open = visits.Where(v => v.DepartedAtUtc == null).ToList();
        var present = open.OrderBy(v => v.ArrivedAtUtc)
            .Select(v => new PresentRow(v.Id, v.Visitor?.DisplayName ?? "", v.ResourceId is { } r ? names.GetValueOrDefault(r) : null, v.ArrivedAtUtc, v.Kind, v.Pass))
            .ToList();
        var movements = visits.Select(v => new Movement(v.ArrivedAtUtc, v.Visitor?.DisplayName ?? "", true))
            .Concat(visits.Where(v => v.DepartedAtUtc != null).Select(v => new Movement(v.DepartedAtUtc!.Value, v.Visitor?.DisplayName ?? "", false)))
            .OrderByDescending(m => m.AtUtc).ToList();
        var (resourcesNow, openNow) = await ResourcesNowAsync(site, resources, open, ct);
        return new TodayView(site, today, now, expected, present, resourcesNow, movements, openNow);
    }

    /// <summary>Per resource: capacity, people present, places free now (no names: the public occupancy uses it).</summary>
    public async Task<IReadOnlyList<ResourceNow>> OccupancyAsync(Site site, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(site);
        var today = SiteClock.Today(site, clock);
        var open = await db.Visits.AsNoTracking().Where(v => v.SiteId == site.Id && v.DepartedAtUtc == null).ToListAsync(ct);
        var resources = site.Resources.Where(r => !r.IsArchived).OrderBy(r => r.SortOrder).ThenBy(r => r.Id).ToList();
        return (await ResourcesNowAsync(site, resources, open, ct)).Resources;
    }

    /// <summary>How many times each person did not come, at the sites of the network (another network's are not its business).</summary>
    public async Task<Dictionary<string, int>> NoShowCountsAsync(int networkId, IReadOnlyCollection<string> userIds, CancellationToken ct) =>
        await db.Bookings.Where(b => userIds.Contains(b.UserId) && b.Status == BookingStatus.NoShow && b.Site!.NetworkId == networkId)
            .GroupBy(b => b.UserId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, StringComparer.Ordinal, ct);

    /// <summary>Places free now per resource (none while the site is closed), and whether it is open now.</summary>
    private async Task<(IReadOnlyList<ResourceNow> Resources, OpenNow Open)> ResourcesNowAsync(Site site, List<Resource> resources, List<Visit> open, CancellationToken ct)
    {
        var local = SiteClock.LocalNow(site, clock);
        var today = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        var calendar = await availability.LoadSiteAsync(site.Id, ct) ?? site;
        var openNow = new OpenNow(SiteCalendar.IsOpenAt(calendar, local), SiteCalendar.NextOpening(calendar, local));
        var full = await availability.ComputeAsync(calendar, today, today, ct);
        var byId = full.Resources.ToDictionary(r => r.ResourceId, r => r.Days.FirstOrDefault());
        return ([.. resources.Select(r =>
        {
            var day = byId.GetValueOrDefault(r.Id);
            var present = open.Count(v => v.ResourceId == r.Id);
            int free;
            if (day is null || !day.Open || !openNow.IsOpen)
            {
                free = 0;
            }
            else if (r.Kind is ResourceKind.DeskPool or ResourceKind.PrivateOffice)
            {
                // Places not taken for the current half-day (the booking rules close a half once it has begun).
                var half = time < HalfDays.MorningEnds(calendar, SiteCalendar.HoursOn(calendar, today)) ? day.Morning : day.Afternoon;
                free = half is null ? day.Free : r.Capacity - half.Booked;
            }
            else
            {
                var hhmm = time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
                free = (day.FreeSlots ?? []).Any(s => string.CompareOrdinal(s.Start, hhmm) <= 0 && string.CompareOrdinal(hhmm, s.End) < 0) ? r.Capacity : 0;
            }
            return new ResourceNow(r.Id, r.Name, r.Kind, r.Capacity, present, Math.Max(0, free));
        })], openNow);
    }
}
