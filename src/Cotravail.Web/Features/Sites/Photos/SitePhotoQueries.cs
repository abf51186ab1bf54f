using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites.Photos;

/// <summary>The photos of sites as pages show them, in their order (the first is the main photo); no picture bytes read.</summary>
public static class SitePhotoQueries
{
    public static async Task<IReadOnlyList<SitePhotoView>> OfSiteAsync(AppDbContext db, int siteId, CancellationToken ct) =>
        (await OfSitesAsync(db, [siteId], ct)).GetValueOrDefault(siteId) ?? [];

    public static async Task<Dictionary<int, IReadOnlyList<SitePhotoView>>> OfSitesAsync(AppDbContext db, IReadOnlyCollection<int> siteIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(siteIds);
        var ids = siteIds.ToList();
        var photos = await db.SitePhotos().AsNoTracking().Where(p => ids.Contains(p.SiteId))
            .Select(p => new { p.Id, p.SiteId, p.Description, p.Version, p.Width, p.Height, p.SortOrder })
            .ToListAsync(ct);
        var photoIds = photos.Select(p => p.Id).ToList();
        var widths = (await db.SitePhotoVariants().AsNoTracking().Where(v => photoIds.Contains(v.PhotoId) && v.Format == "jpg")
                .Select(v => new { v.PhotoId, v.Width }).ToListAsync(ct))
            .ToLookup(v => v.PhotoId, v => v.Width);
        return photos
            .Where(p => widths[p.Id].Any())
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Id)
            .GroupBy(p => p.SiteId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<SitePhotoView>)g
                .Select(p => new SitePhotoView(p.Id, p.SiteId, p.Description, p.Version, p.Width, p.Height, widths[p.Id].Order().ToList()))
                .ToList());
    }
}
