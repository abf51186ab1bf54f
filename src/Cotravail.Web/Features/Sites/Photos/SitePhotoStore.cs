using Cotravail.Web.Common.Images;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites.Photos;

/// <summary>A French reason a photo was refused, and the field it belongs to (« Upload » or « Description »).</summary>
public sealed record PhotoRefusal(string Field, string Message);

/// <summary>
/// Adds, describes, orders and removes the photos of one site. The caller has checked that the person manages the
/// site's network; every photo is looked up within that site, so another site's photo is never reached.
/// </summary>
public sealed class SitePhotoStore(AppDbContext db, TimeProvider clock)
{
    /// <summary>Checks the upload (type by content, size, pixels, description), resizes it and saves it last in the order.</summary>
    public async Task<(SitePhoto? Photo, PhotoRefusal? Refusal)> AddAsync(int siteId, byte[] bytes, string? description, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (await db.SitePhotos().CountAsync(p => p.SiteId == siteId, ct) >= SitePhotoRules.MaxPhotosPerSite)
        {
            return (null, new PhotoRefusal("Upload", "Cet espace a déjà 12 photos : supprimez-en une avant d'en ajouter."));
        }
        var checkedImage = ImageCheck.Inspect(bytes, out var error);
        if (checkedImage is null)
        {
            return (null, new PhotoRefusal("Upload", error!));
        }
        if ((long)checkedImage.Width * checkedImage.Height > SitePhotoRules.MaxPixels)
        {
            return (null, new PhotoRefusal("Upload", "L'image dépasse 24 millions de pixels : réduisez-la avant de l'envoyer."));
        }
        if (DescriptionRefusal(description) is { } refused)
        {
            return (null, refused);
        }
        var resized = PhotoResizer.Resize(bytes);
        if (resized is null)
        {
            return (null, new PhotoRefusal("Upload", "Ce fichier n'est pas une image JPEG, PNG ou WebP valide."));
        }
        var last = await db.SitePhotos().Where(p => p.SiteId == siteId).MaxAsync(p => (int?)p.SortOrder, ct) ?? -1;
        var photo = new SitePhoto
        {
            SiteId = siteId, Description = description!.Trim(), SortOrder = last + 1, Width = resized.Width, Height = resized.Height,
            Version = resized.Version, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        photo.Variants.AddRange(resized.Variants.Select(v => new SitePhotoVariant { Width = v.Width, Height = v.Height, Format = v.Format, Content = v.Content }));
        db.SitePhotos().Add(photo);
        await db.SaveChangesAsync(ct);
        return (photo, null);
    }

    public static PhotoRefusal? DescriptionRefusal(string? description) => description?.Trim() switch
    {
        null or "" => new PhotoRefusal("Description", "Décrivez la photo pour les personnes qui ne la voient pas."),
        { Length: > SitePhotoRules.MaxDescription } => new PhotoRefusal("Description", "La description fait au plus 250 caractères."),
        _ => null,
    };

    /// <summary>Changes the description; false when the photo is not one of the site's.</summary>
    public async Task<bool> DescribeAsync(int siteId, int photoId, string description, CancellationToken ct)
    {
        var photo = await db.SitePhotos().FirstOrDefaultAsync(p => p.Id == photoId && p.SiteId == siteId, ct);
        if (photo is null)
        {
            return false;
        }
        photo.Description = description.Trim();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Swaps the photo with the one before (<paramref name="up"/>) or after it; false when it is not the site's.</summary>
    public async Task<bool> MoveAsync(int siteId, int photoId, bool up, CancellationToken ct)
    {
        var photos = await db.SitePhotos().Where(p => p.SiteId == siteId).OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync(ct);
        var index = photos.FindIndex(p => p.Id == photoId);
        if (index < 0)
        {
            return false;
        }
        var other = up ? index - 1 : index + 1;
        if (other >= 0 && other < photos.Count)
        {
            (photos[index], photos[other]) = (photos[other], photos[index]);
        }
        for (var i = 0; i < photos.Count; i++)
        {
            photos[i].SortOrder = i;
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Removes the photo and its variants; false when it is not the site's.</summary>
    public async Task<bool> DeleteAsync(int siteId, int photoId, CancellationToken ct)
    {
        var photo = await db.SitePhotos().FirstOrDefaultAsync(p => p.Id == photoId && p.SiteId == siteId, ct);
        if (photo is null)
        {
            return false;
        }
        await db.SitePhotoVariants().Where(v => v.PhotoId == photoId).ExecuteDeleteAsync(ct);
        db.SitePhotos().Remove(photo);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
