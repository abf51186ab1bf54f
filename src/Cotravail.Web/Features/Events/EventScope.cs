using System.Security.Claims;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events;

/// <summary>The sites whose agenda a person runs: those they host, and every site of the networks they manage.</summary>
public sealed class EventScope(AppDbContext db, StaffScope staff, UserManager<AppUser> users)
{
    public async Task<List<Site>> SitesAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = users.GetUserId(user);
        if (id is null)
        {
            return [];
        }
        var networks = await staff.ManagedNetworkIdsAsync(user, ct);
        var isHost = user.IsInRole(Roles.Host);
        return await db.Sites.AsNoTracking()
            .Where(s => !s.IsArchived && (networks.Contains(s.NetworkId) || (isHost && s.Hosts.Any(h => h.UserId == id))))
            .OrderBy(s => s.Name).ToListAsync(ct);
    }

    public Task<bool> RunsSiteAsync(ClaimsPrincipal user, int siteId, CancellationToken ct) => staff.HostsSiteAsync(user, siteId, ct);
}
