using System.Security.Claims;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites;

/// <summary>
/// Which networks a manager manages and which sites a host staffs. A manager acts only on the networks
/// they manage; a host only on the sites they staff (and a manager on every site of their networks).
/// </summary>
public sealed class StaffScope(AppDbContext db, UserManager<AppUser> users)
{
    public async Task<IReadOnlyList<int>> ManagedNetworkIdsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = users.GetUserId(user);
        if (id is null || !user.IsInRole(Roles.Manager))
        {
            return [];
        }
        return await db.NetworkManagers.Where(m => m.UserId == id).Select(m => m.NetworkId).ToListAsync(ct);
    }

    public async Task<bool> ManagesNetworkAsync(ClaimsPrincipal user, int networkId, CancellationToken ct = default) =>
        (await ManagedNetworkIdsAsync(user, ct)).Contains(networkId);

    public async Task<bool> ManagesSiteAsync(ClaimsPrincipal user, int siteId, CancellationToken ct = default)
    {
        var networks = await ManagedNetworkIdsAsync(user, ct);
        return networks.Count > 0 && await db.Sites.AnyAsync(s => s.Id == siteId && networks.Contains(s.NetworkId), ct);
    }

    /// <summary>
    /// The sites whose reception and agenda the user keeps: those they staff as a host, and every site of the networks they
    /// manage (archived ones included; callers leave them out when they must). The list form of <see cref="HostsSiteAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<int>> StaffedSiteIdsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = users.GetUserId(user);
        if (id is null)
        {
            return [];
        }
        var networks = await ManagedNetworkIdsAsync(user, ct);
        var isHost = user.IsInRole(Roles.Host);
        return await db.Sites.Where(s => networks.Contains(s.NetworkId) || (isHost && s.Hosts.Any(h => h.UserId == id)))
            .Select(s => s.Id).ToListAsync(ct);
    }

    /// <summary>True when the user staffs the site as a host, or manages its network.</summary>
    public async Task<bool> HostsSiteAsync(ClaimsPrincipal user, int siteId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = users.GetUserId(user);
        if (id is null)
        {
            return false;
        }
        if (user.IsInRole(Roles.Host) && await db.SiteHosts.AnyAsync(h => h.SiteId == siteId && h.UserId == id, ct))
        {
            return true;
        }
        return await ManagesSiteAsync(user, siteId, ct);
    }
}
