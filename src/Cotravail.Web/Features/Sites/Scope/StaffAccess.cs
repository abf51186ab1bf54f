using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites;

/// <summary>
/// « May this person act on this site / this network? » (ADR 0005, ADR 0030). A manager acts on the networks they
/// manage and every site of them; a host on the sites they host. Pages and endpoints with a site or network in their
/// route get it through <see cref="StaffScopeEndpoints"/> and <see cref="StaffScopePages"/>; lists of staff data are
/// filtered by <see cref="SitesInScopeAsync"/>, <see cref="NetworksInScopeAsync"/> and the id lists.
/// </summary>
public sealed class StaffAccess(CurrentUser me, AppDbContext db)
{
    public CurrentUser User => me;

    /// <summary>True when the person hosts the site, or manages its network.</summary>
    public async Task<bool> CanActOnSiteAsync(int siteId, CancellationToken ct = default) => (await me.ReachAsync(ct)).ActsOnSite(siteId);

    /// <summary>True when the person manages the network.</summary>
    public async Task<bool> CanManageNetworkAsync(int networkId, CancellationToken ct = default) => (await me.ReachAsync(ct)).ManagesNetwork(networkId);

    /// <summary>True when the person manages the network of the site (hosting it is not enough).</summary>
    public async Task<bool> CanManageSiteAsync(int siteId, CancellationToken ct = default)
    {
        var reach = await me.ReachAsync(ct);
        return reach.Sites.Any(s => s.Id == siteId && reach.ManagesNetwork(s.NetworkId));
    }

    /// <summary>The networks the person manages (none for a host or a member).</summary>
    public async Task<IReadOnlyList<int>> ManagedNetworkIdsAsync(CancellationToken ct = default) => (await me.ReachAsync(ct)).ManagedNetworkIds;

    /// <summary>
    /// The sites whose reception and agenda the person keeps: those they host and every site of the networks they manage
    /// (archived ones included; callers leave them out when they must).
    /// </summary>
    public async Task<IReadOnlyList<int>> StaffedSiteIdsAsync(CancellationToken ct = default) => (await me.ReachAsync(ct)).StaffedSiteIds;

    /// <summary>The sites of <see cref="StaffedSiteIdsAsync"/>, to query further.</summary>
    public async Task<IQueryable<Site>> SitesInScopeAsync(CancellationToken ct = default)
    {
        var ids = await StaffedSiteIdsAsync(ct);
        return db.Sites.Where(s => ids.Contains(s.Id));
    }

    /// <summary>The networks the person manages, to query further.</summary>
    public async Task<IQueryable<Network>> NetworksInScopeAsync(CancellationToken ct = default)
    {
        var ids = await ManagedNetworkIdsAsync(ct);
        return db.Networks.Where(n => ids.Contains(n.Id));
    }
}
