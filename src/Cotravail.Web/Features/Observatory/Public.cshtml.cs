using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Observatory;

/// <summary>The public observatory: aggregates only, small counts suppressed, and the open data links.</summary>
public sealed class PublicModel(AppDbContext db, IndicatorsQuery query, TimeProvider clock) : ObservatoryPage(clock)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var networks = await db.Networks.Select(n => n.Id).ToListAsync(ct);
        var sites = await SiteChoice.ListAsync(db, networks, ct);
        if (ReadFilter(sites) is not { } filter)
        {
            return Page();
        }
        var (from, to, siteId) = filter;
        Set = (await query.ComputeAsync(networks, siteId, from, to, ct, perSite: sites.Count <= SiteChoice.ShownOneByOne)).Public();
        return Page();
    }
}
