using Cotravail.Web.Common;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Reception.Today;

/// <summary>The sites whose reception the user keeps (a host's sites, a manager's network's sites).</summary>
public sealed class SitesModel(StaffAccess staff) : LocalizedPage
{
    public IReadOnlyList<Site> Sites { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sites = await (await staff.SitesInScopeAsync(ct)).AsNoTracking().Where(s => !s.IsArchived).OrderBy(s => s.Name).ToListAsync(ct);
    }
}
