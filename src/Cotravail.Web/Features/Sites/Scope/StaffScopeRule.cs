using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites;

/// <summary>What a staff route asks of the person.</summary>
public enum StaffScopeKind
{
    /// <summary>Host the site, or manage its network.</summary>
    ActOnSite,
    /// <summary>Manage the site's network.</summary>
    ManageSite,
    /// <summary>Manage the network.</summary>
    ManageNetwork,
}

/// <summary>What an unknown thing or one out of scope gets from a staff route, before its handler runs.</summary>
public enum StaffScopeOutcome
{
    Allowed,
    /// <summary>The route names nothing that exists: 404.</summary>
    NotFound,
    /// <summary>It exists, but the person is not its staff: 403 (what hosts and managers of elsewhere got from the start).</summary>
    Forbidden,
}

/// <summary>
/// Endpoint metadata of a staff route: the route value that names a site or a network, how to find it
/// (<see cref="Lookup"/> gives the site's id for the site kinds, the network's for <see cref="StaffScopeKind.ManageNetwork"/>,
/// or null when nothing has that name), and what the person must be.
/// </summary>
public sealed record StaffScopeRule(StaffScopeKind Kind, string RouteValue, string Describes, Func<AppDbContext, string, CancellationToken, Task<int?>> Lookup)
{
    /// <summary>A site by its id: its hosts and its network's managers.</summary>
    public static StaffScopeRule SiteStaff(string routeValue = "id") => new(StaffScopeKind.ActOnSite, routeValue, "site id", SiteById);

    /// <summary>A site by its slug: its hosts and its network's managers.</summary>
    public static StaffScopeRule SiteStaffBySlug(string routeValue = "slug") => new(StaffScopeKind.ActOnSite, routeValue, "site slug", SiteBySlug);

    /// <summary>A site by its id: its network's managers.</summary>
    public static StaffScopeRule SiteManager(string routeValue = "id") => new(StaffScopeKind.ManageSite, routeValue, "site id", SiteById);

    /// <summary>A network by its id: its managers.</summary>
    public static StaffScopeRule NetworkManager(string routeValue = "id") => new(StaffScopeKind.ManageNetwork, routeValue, "network id", NetworkById);

    /// <summary>Something of a site, by its id (<paramref name="siteOf"/> gives its site): the site's hosts and its network's managers.</summary>
    public static StaffScopeRule SiteStaffOf(string routeValue, string describes, Func<AppDbContext, int, IQueryable<int>> siteOf) =>
        new(StaffScopeKind.ActOnSite, routeValue, describes, ById(siteOf));

    /// <summary>Something of a network, by its id (<paramref name="networkOf"/> gives its network): the network's managers.</summary>
    public static StaffScopeRule NetworkManagerOf(string routeValue, string describes, Func<AppDbContext, int, IQueryable<int>> networkOf) =>
        new(StaffScopeKind.ManageNetwork, routeValue, describes, ById(networkOf));

    public async Task<StaffScopeOutcome> CheckAsync(StaffAccess access, AppDbContext db, object? routeValue, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        var text = Convert.ToString(routeValue, System.Globalization.CultureInfo.InvariantCulture);
        if (string.IsNullOrEmpty(text) || await Lookup(db, text, ct) is not { } id)
        {
            return StaffScopeOutcome.NotFound;
        }
        var allowed = Kind switch
        {
            StaffScopeKind.ActOnSite => await access.CanActOnSiteAsync(id, ct),
            StaffScopeKind.ManageSite => await access.CanManageSiteAsync(id, ct),
            _ => await access.CanManageNetworkAsync(id, ct),
        };
        return allowed ? StaffScopeOutcome.Allowed : StaffScopeOutcome.Forbidden;
    }

    private static Func<AppDbContext, string, CancellationToken, Task<int?>> ById(Func<AppDbContext, int, IQueryable<int>> query) =>
        async (db, value, ct) => int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? await query(db, id).Select(x => (int?)x).FirstOrDefaultAsync(ct)
            : null;

    private static readonly Func<AppDbContext, string, CancellationToken, Task<int?>> SiteById = ById((db, id) => db.Sites.Where(s => s.Id == id).Select(s => s.Id));

    private static Task<int?> SiteBySlug(AppDbContext db, string value, CancellationToken ct) =>
        db.Sites.Where(s => s.Slug == value).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);

    private static readonly Func<AppDbContext, string, CancellationToken, Task<int?>> NetworkById = ById((db, id) => db.Networks.Where(n => n.Id == id).Select(n => n.Id));
}
