using System.Security.Claims;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing;

/// <summary>The networks whose invoices a person may see: those they manage, and those of the sites they host.</summary>
public sealed class StaffNetworks(AppDbContext db, StaffScope scope, UserManager<AppUser> users)
{
    public async Task<IReadOnlyList<int>> NetworkIdsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var managed = await scope.ManagedNetworkIdsAsync(user, ct);
        var id = users.GetUserId(user);
        if (id is null || !user.IsInRole(Roles.Host))
        {
            return managed;
        }
        var hosted = await db.SiteHosts.Where(h => h.UserId == id).Select(h => h.Site!.NetworkId).Distinct().ToListAsync(ct);
        return [.. managed.Union(hosted)];
    }
}
