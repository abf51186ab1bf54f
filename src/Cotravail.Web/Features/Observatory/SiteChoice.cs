using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Observatory;

/// <summary>
/// The observatory pages' « Espace » filter: one site, or every site — one by one up to <see cref="ShownOneByOne"/>
/// sites, added up per month beyond (a national network's 3,500 sites would be 42,000 rows a year). Up to
/// <see cref="ListedUpTo"/> sites it is a list; beyond, a text field that finds the site by name, commune or postcode.
/// </summary>
public sealed record SiteChoice(int Id, string Name, string Commune, string Postcode)
{
    /// <summary>The name with postcode and commune, which tells apart two sites of the same name.</summary>
    public string Label => $"{Name} ({Postcode} {Commune})";

    public const int ShownOneByOne = 12;

    /// <summary>Beyond this many sites a list is no longer usable (a national network's would hold 3,500 lines).</summary>
    public const int ListedUpTo = 200;

    /// <summary>The key under which a page hands the list to the period form.</summary>
    public const string ViewDataKey = "ObservatorySites";

    public const string NotInList = "Choisissez un espace de la liste.";
    public const string NoneFound = "Aucun espace ne correspond à « {0} ».";
    public const string SeveralFound = "{0} espaces correspondent à « {1} », dont {2} : précisez.";

    public static Task<List<SiteChoice>> ListAsync(AppDbContext db, IReadOnlyCollection<int> networks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Sites.AsNoTracking().Where(s => networks.Contains(s.NetworkId))
            .OrderBy(s => s.Name).Select(s => new SiteChoice(s.Id, s.Name, s.Commune, s.Postcode)).ToListAsync(ct);
    }

    /// <summary>
    /// The site asked for (null: every site), or a message with its arguments: by id from the list; beyond
    /// <see cref="ListedUpTo"/> sites, also by a name (the whole name, or a part that only one site has), a commune or a
    /// postcode.
    /// </summary>
    public static (int? SiteId, string? Error, object[] Args) Read(string? text, IReadOnlyList<SiteChoice> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var asked = text?.Trim() ?? "";
        if (asked.Length == 0)
        {
            return (null, null, []);
        }
        if (int.TryParse(asked, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            && sites.Any(s => s.Id == id))
        {
            return (id, null, []);
        }
        if (sites.Count <= ListedUpTo)
        {
            return (null, NotInList, []);
        }
        var shown = asked.Length > 60 ? asked[..60] : asked;
        var key = Communes.Normalise(asked);
        if (key.Length == 0)
        {
            return (null, NoneFound, [shown]);
        }
        var exact = sites.Where(s => Communes.Normalise(s.Label) == key).ToList();
        if (exact.Count == 0)
        {
            exact = [.. sites.Where(s => Communes.Normalise(s.Name) == key)];
        }
        if (exact.Count == 1)
        {
            return (exact[0].Id, null, []);
        }
        var found = sites.Where(s => Communes.Normalise(s.Name).Contains(key, StringComparison.Ordinal)
            || Communes.Normalise(s.Commune) == key || s.Postcode.StartsWith(asked, StringComparison.Ordinal)).ToList();
        return found.Count switch
        {
            0 => (null, NoneFound, [shown]),
            1 => (found[0].Id, null, []),
            _ => (null, SeveralFound, [found.Count, shown, string.Join(", ", found.Take(5).Select(s => s.Label))]),
        };
    }

    /// <summary>What the text field shows for the site chosen: its label, or what was typed.</summary>
    public static string Shown(string? text, IReadOnlyList<SiteChoice> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        return Read(text, sites).SiteId is { } id ? sites.First(s => s.Id == id).Label : text ?? "";
    }
}
