using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Newcomers;

/// <summary>
/// Serves the picture of a section of « Venir travailler dans la vallée » (public, like the page): always with the type
/// found when it was checked, never sniffed, never run (<c>default-src 'none'; sandbox</c>).
/// </summary>
internal static class SectionImages
{
    public static void MapSectionImages(this IEndpointRouteBuilder app) =>
        app.MapGet("/venir/rubriques/{id:int}/image", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var section = await db.Set<TerritorySection>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
            if (section?.ImageContentType is not ("image/jpeg" or "image/png" or "image/webp"))
            {
                return Results.NotFound();
            }
            var image = await db.Set<TerritorySectionImage>().AsNoTracking().FirstOrDefaultAsync(i => i.SectionId == id, ct);
            if (image is null)
            {
                return Results.NotFound();
            }
            var extension = section.ImageContentType[(section.ImageContentType.IndexOf('/', StringComparison.Ordinal) + 1)..]
                .Replace("jpeg", "jpg", StringComparison.Ordinal);
            var h = http.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.ContentDisposition = $"inline; filename=\"rubrique-{id}.{extension}\"";
            h.ContentSecurityPolicy = "default-src 'none'; sandbox";
            h.CacheControl = "public, max-age=300";
            return Results.Bytes(image.Content, section.ImageContentType);
        }).WithTags("Nouveaux arrivants").WithName("TerritorySectionImage").ExcludeFromDescription();
}
