using System.Security.Claims;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events;

/// <summary>The sites whose agenda a person runs: those they host, and every site of the networks they manage.</summary>
public sealed class EventScope(AppDbContext db, StaffScope staff)
{
    public async Task<List<Site>> SitesAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var staffed = await staff.StaffedSiteIdsAsync(user, ct);
        return await db.Sites.AsNoTracking().Where(s => !s.IsArchived && staffed.Contains(s.Id)).OrderBy(s => s.Name).ToListAsync(ct);
    }

    public Task<bool> RunsSiteAsync(ClaimsPrincipal user, int siteId, CancellationToken ct) => staff.HostsSiteAsync(user, siteId, ct);
}
