using Cotravail.Web.Features.Sites.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cotravail.Web.Features.Sites;

/// <summary>
/// Keeps <see cref="Site.UpdatedAtUtc"/>: a save that adds or changes a site, its opening hours or its photos stamps the
/// site with the time of the save.
/// </summary>
public sealed class SiteStamp(TimeProvider clock) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } db && Stamp(db) is { Count: > 0 } others)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await db.Set<Site>().Where(s => others.Contains(s.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.UpdatedAtUtc, now), cancellationToken);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } db && Stamp(db) is { Count: > 0 } others)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            db.Set<Site>().Where(s => others.Contains(s.Id)).ExecuteUpdate(s => s.SetProperty(x => x.UpdatedAtUtc, now));
        }
        return result;
    }

    /// <summary>Stamps the tracked sites; returns the ids of changed sites that are not tracked.</summary>
    private List<int> Stamp(DbContext db)
    {
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity).ToList();
        if (changed.Count == 0)
        {
            return [];
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var siteIds = new HashSet<int>();
        foreach (var entity in changed)
        {
            switch (entity)
            {
                case Site site when db.Entry(site).State != EntityState.Deleted:
                    site.UpdatedAtUtc = now;
                    break;
                case OpeningHours hours:
                    siteIds.Add(hours.SiteId);
                    break;
                case SitePhoto photo:
                    siteIds.Add(photo.SiteId);
                    break;
            }
        }
        foreach (var site in db.ChangeTracker.Entries<Site>().Where(e => siteIds.Contains(e.Entity.Id)))
        {
            site.Entity.UpdatedAtUtc = now;
            siteIds.Remove(site.Entity.Id);
        }
        return [.. siteIds.Where(id => id > 0)];
    }
}
