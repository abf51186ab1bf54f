using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Observatory;

/// <summary>The public observatory: aggregates only, small counts suppressed, and the open data links.</summary>
public sealed class PublicModel(AppDbContext db, IndicatorsQuery query, TimeProvider clock) : LocalizedPage
{
    public IndicatorSet? Set { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Du { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Au { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Espace { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var networks = await db.Networks.Select(n => n.Id).ToListAsync(ct);
        var sites = await SiteChoice.ListAsync(db, networks, ct);
        ViewData[SiteChoice.ViewDataKey] = sites;
        var (from, to, errors) = Period.Read(Du, Au, clock);
        var (siteId, siteError, siteArgs) = SiteChoice.Read(Espace, sites);
        foreach (var (field, messages) in errors)
        {
            ModelState.AddModelError(field == "from" ? nameof(Du) : nameof(Au), T[messages[0]]);
        }
        if (siteError is not null)
        {
            ModelState.AddModelError(nameof(Espace), T[siteError, siteArgs]);
        }
        if (errors.Count > 0 || siteError is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        (Du, Au) = ($"{from:yyyy-MM-dd}", $"{to:yyyy-MM-dd}");
        Set = (await query.ComputeAsync(networks, siteId, from, to, ct, perSite: sites.Count <= SiteChoice.ShownOneByOne)).Public();
        return Page();
    }
}
