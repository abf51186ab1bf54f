using Cotravail.Web.Common;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites.Manage;

/// <summary>
/// Base of the managers' site pages (<c>/gestion/espaces/{id}</c>): loads the site. Only the managers of its network get
/// here: another network's site has answered 403 and an unknown one 404 before the handler (<see cref="StaffScopePages"/>).
/// </summary>
public abstract class ManagerPage(AppDbContext db) : LocalizedPage
{
    protected AppDbContext Db { get; } = db;

    public Site Site { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    /// <summary>Null when the site is loaded into <see cref="Site"/>; otherwise the 404 to answer.</summary>
    protected async Task<IActionResult?> LoadSiteAsync(int id, CancellationToken ct, Func<IQueryable<Site>, IQueryable<Site>>? include = null)
    {
        var query = Db.Sites.Include(s => s.Network).AsQueryable();
        var site = await (include is null ? query : include(query)).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (site is null)
        {
            return NotFound();
        }
        Site = site;
        return null;
    }
}
