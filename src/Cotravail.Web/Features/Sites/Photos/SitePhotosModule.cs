using Cotravail.Web.Common.Auditing;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites.Photos;

/// <summary>
/// Photos of the sites: the managers' page <c>/gestion/espaces/{id}/photos</c> (scoped to the site's network by its
/// route, see <see cref="StaffScopePages"/>) and the variants served at <c>/photos/espaces/{id}/{version}/{width}.{webp|jpg}</c>.
/// </summary>
public static class SitePhotosModule
{
    public static IServiceCollection AddSitePhotos(this IServiceCollection services)
    {
        services.AddScoped<SitePhotoStore>();
        services.AddAudited<SitePhoto>("SitePhoto", "Photo d'un espace", p => AuditScope.OfSite(p.SiteId), fields: new AuditFields<SitePhoto>("Photo", "Photos", feminine: true)
            .Site(nameof(SitePhoto.SiteId), "Espace")
            .Text(nameof(SitePhoto.Description), "Description")
            .Number(nameof(SitePhoto.SortOrder), "Ordre d'affichage")
            .Number(nameof(SitePhoto.Width), "Largeur (pixels)")
            .Number(nameof(SitePhoto.Height), "Hauteur (pixels)")
            .Text(nameof(SitePhoto.Version), "Version")
            .Instant(nameof(SitePhoto.CreatedAtUtc), "Ajoutée le"));
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Sites/Photos", Roles.Manager));
        return services;
    }

    /// <summary>
    /// A variant, by photo, version and width: one year of cache, immutable (a new picture gets a new version). Only
    /// the photos of open sites are served; the content type comes from the format the server encoded, never an upload.
    /// </summary>
    public static IEndpointRouteBuilder MapSitePhotos(this IEndpointRouteBuilder app)
    {
        app.MapGet(SitePhotoUrls.Prefix + "/{id:int}/{version}/{width:int}.{format}", async (int id, string version, int width, string format, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            if (format is not ("webp" or "jpg"))
            {
                return Results.NotFound();
            }
            var content = await db.SitePhotoVariants().AsNoTracking()
                .Where(v => v.PhotoId == id && v.Width == width && v.Format == format)
                .Join(db.SitePhotos().Where(p => p.Version == version), v => v.PhotoId, p => p.Id, (v, p) => new { v.Content, p.SiteId })
                .Join(db.Sites.Where(s => !s.IsArchived), x => x.SiteId, s => s.Id, (x, _) => x.Content)
                .FirstOrDefaultAsync(ct);
            if (content is null)
            {
                return Results.NotFound();
            }
            var h = http.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.ContentSecurityPolicy = "default-src 'none'; sandbox";
            h.CacheControl = "public, max-age=31536000, immutable";
            return Results.Bytes(content, format == "webp" ? "image/webp" : "image/jpeg");
        }).WithTags("Espaces").WithName("SitePhotoVariant").ExcludeFromDescription();
        return app;
    }
}
