using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites.Manage;

/// <summary>
/// Base of the managers' site pages: loads the site only when the signed-in manager manages its network.
/// Another network's site answers 403, an unknown one 404.
/// </summary>
public abstract class ManagerPage(AppDbContext db, StaffScope scope) : LocalizedPage
{
    protected AppDbContext Db { get; } = db;
    protected StaffScope Scope { get; } = scope;

    public Site Site { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    /// <summary>Null when the site is loaded into <see cref="Site"/>; otherwise the 403/404 to answer.</summary>
    protected async Task<IActionResult?> LoadSiteAsync(int id, CancellationToken ct, Func<IQueryable<Site>, IQueryable<Site>>? include = null)
    {
        var query = Db.Sites.Include(s => s.Network).AsQueryable();
        var site = await (include is null ? query : include(query)).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (site is null)
        {
            return NotFound();
        }
        if (!await Scope.ManagesNetworkAsync(User, site.NetworkId, ct))
        {
            return Forbid();
        }
        Site = site;
        return null;
    }
}
