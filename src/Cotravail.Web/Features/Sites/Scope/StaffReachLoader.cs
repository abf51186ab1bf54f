using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites;

/// <summary>The networks a person manages and the sites they staff, for <see cref="CurrentUser"/>.</summary>
public sealed class StaffReachLoader(AppDbContext db) : IStaffReachLoader
{
    public async Task<StaffReach> LoadAsync(string userId, bool host, bool manager, CancellationToken ct)
    {
        List<int> managed = manager ? await db.NetworkManagers.Where(m => m.UserId == userId).Select(m => m.NetworkId).ToListAsync(ct) : [];
        var sites = await db.Sites.Where(s => managed.Contains(s.NetworkId) || (host && s.Hosts.Any(h => h.UserId == userId)))
            .Select(s => new StaffedSite(s.Id, s.NetworkId, host && s.Hosts.Any(h => h.UserId == userId))).ToListAsync(ct);
        return new StaffReach(managed, sites);
    }
}
