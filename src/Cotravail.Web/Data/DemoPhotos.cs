using Cotravail.Web.Features.Sites;
using Cotravail.Web.Features.Sites.Photos;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Data;

/// <summary>
/// The demo sites' places on the map and their photos: freely licensed photographs shipped with the application
/// (<c>Data/DemoPhotos/</c>, credits in <c>docs/credits-photos.md</c>), added through the same checks and resizing as
/// a manager's upload. Coordinates are set only where none is; photos only on a site that has none.
/// </summary>
public static class DemoPhotos
{
    private static readonly Dictionary<string, (double Lat, double Lon, (string File, string Description)[] Photos)> Sites = new()
    {
        ["luzech"] = (44.4786, 1.2884,
        [
            ("luzech-coin-salon.jpg", "Le coin détente : une table basse en palettes avec une bouteille de vin et un moulin à café, un djembé posé sur un pouf."),
            ("luzech-ruisseau.jpg", "Un ruisseau qui descend en cascades entre des rochers calcaires, en sous-bois."),
        ]),
        ["prayssac"] = (44.5043, 1.1889,
        [
            ("prayssac-pinceaux.jpg", "Des pinceaux aux couleurs vives, bleu, vert, rose, rangés debout dans l'atelier."),
            ("prayssac-figue.jpg", "Une figue ouverte dans une coupelle rouge."),
        ]),
        ["puy-l-eveque"] = (44.5047, 1.1405,
        [
            ("puy-l-eveque-coucher-de-soleil.jpg", "Le soleil se couche sur des collines, vu d'un sommet herbeux où se dresse une table d'orientation."),
            ("puy-l-eveque-pissenlits.jpg", "Des pissenlits en graines dans un pré, à contre-jour."),
        ]),
    };

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, Network network, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(network);
        var store = new SitePhotoStore(db, clock);
        foreach (var (slug, demo) in Sites)
        {
            var site = await db.Sites.FirstOrDefaultAsync(s => s.NetworkId == network.Id && s.Slug == slug, ct);
            if (site is null)
            {
                continue;
            }
            if (site.Latitude is null || site.Longitude is null)
            {
                (site.Latitude, site.Longitude) = (demo.Lat, demo.Lon);
                await db.SaveChangesAsync(ct);
            }
            if (await db.SitePhotos().AnyAsync(p => p.SiteId == site.Id, ct))
            {
                continue;
            }
            foreach (var (file, description) in demo.Photos)
            {
                var (_, refusal) = await store.AddAsync(site.Id, Read(file), description, ct);
                if (refusal is not null)
                {
                    throw new InvalidOperationException($"Demo photo {file}: {refusal.Message}");
                }
            }
        }
    }

    private static byte[] Read(string file)
    {
        using var stream = typeof(DemoPhotos).Assembly.GetManifestResourceStream("Cotravail.Web.DemoPhotos." + file)
            ?? throw new InvalidOperationException($"Demo photo {file} is not in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
