using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Booking;

/// <summary>Reads what <see cref="Availability.Compute"/> needs for a site and a range of days.</summary>
public sealed class AvailabilityQuery(AppDbContext db, TimeProvider clock)
{
    public Task<Site?> LoadSiteAsync(int siteId, CancellationToken ct) =>
        db.Sites.AsNoTracking().AsSplitQuery()
            .Include(s => s.Resources).Include(s => s.OpeningHours).Include(s => s.Closures)
            .FirstOrDefaultAsync(s => s.Id == siteId && !s.IsArchived, ct);

    public DateOnly Today(Site site) => SiteClock.Today(site, clock);

    public async Task<SiteAvailability> ComputeAsync(Site site, DateOnly from, DateOnly to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(site);
        var ids = site.Resources.Select(r => r.Id).ToList();
        var deskDays = await db.DeskDays.AsNoTracking()
            .Where(d => ids.Contains(d.ResourceId) && d.Date >= from && d.Date <= to)
            .ToListAsync(ct);
        var zone = SiteClock.Zone(site);
        var startUtc = SiteTime.ToUtcLenient(zone, from, TimeOnly.MinValue);
        var endUtc = SiteTime.ToUtcLenient(zone, to.AddDays(1), TimeOnly.MinValue);
        var slots = await db.BookedSlots.AsNoTracking()
            .Where(s => ids.Contains(s.ResourceId) && s.StartUtc >= startUtc && s.StartUtc < endUtc)
            .ToListAsync(ct);
        return Availability.Compute(site, from, to, deskDays, slots, clock.GetUtcNow().UtcDateTime);
    }
}
