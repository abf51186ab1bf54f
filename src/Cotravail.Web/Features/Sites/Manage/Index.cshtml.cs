using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites.Manage;

/// <summary>The sites of the networks the manager manages, archived ones included.</summary>
public sealed class IndexModel(AppDbContext db, StaffAccess staff) : PageModel
{
    public IReadOnlyList<Site> Sites { get; private set; } = [];
    public IReadOnlyList<Network> Networks { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var networks = await staff.ManagedNetworkIdsAsync(ct);
        Sites = await db.Sites.AsNoTracking().Include(s => s.Network).Include(s => s.Resources)
            .Where(s => networks.Contains(s.NetworkId))
            .OrderBy(s => s.IsArchived).ThenBy(s => s.Name)
            .ToListAsync(ct);
        Networks = await (await staff.NetworksInScopeAsync(ct)).AsNoTracking().OrderBy(n => n.Name).ToListAsync(ct);
    }
}
