using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Observatory;

/// <summary>
/// The observatory pages' « Espace » filter: one site, or every site — one by one up to <see cref="ShownOneByOne"/>
/// sites, added up per month beyond (a national network's 3,500 sites would be 42,000 rows a year).
/// </summary>
public sealed record SiteChoice(int Id, string Name)
{
    public const int ShownOneByOne = 12;

    /// <summary>The key under which a page hands the list to the period form.</summary>
    public const string ViewDataKey = "ObservatorySites";

    public static Task<List<SiteChoice>> ListAsync(AppDbContext db, IReadOnlyCollection<int> networks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Sites.AsNoTracking().Where(s => networks.Contains(s.NetworkId))
            .OrderBy(s => s.Name).Select(s => new SiteChoice(s.Id, s.Name)).ToListAsync(ct);
    }

    /// <summary>The site asked for (null: every site), or a message when it is not one of <paramref name="sites"/>.</summary>
    public static (int? SiteId, string? Error) Read(string? text, IReadOnlyList<SiteChoice> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        if (string.IsNullOrEmpty(text))
        {
            return (null, null);
        }
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            && sites.Any(s => s.Id == id) ? (id, null) : (null, "Choisissez un espace de la liste.");
    }
}
