using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Reception.Today;

/// <summary>The sites whose reception the user keeps (a host's sites, a manager's network's sites).</summary>
public sealed class SitesModel(AppDbContext db, StaffScope scope) : LocalizedPage
{
    public IReadOnlyList<Site> Sites { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var mine = await scope.StaffedSiteIdsAsync(User, ct);
        Sites = await db.Sites.AsNoTracking().Where(s => !s.IsArchived && mine.Contains(s.Id)).OrderBy(s => s.Name).ToListAsync(ct);
    }
}
