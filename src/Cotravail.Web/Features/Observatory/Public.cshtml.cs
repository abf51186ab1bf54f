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

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (from, to, errors) = Period.Read(Du, Au, clock);
        foreach (var (field, messages) in errors)
        {
            ModelState.AddModelError(field == "from" ? nameof(Du) : nameof(Au), T[messages[0]]);
        }
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        (Du, Au) = ($"{from:yyyy-MM-dd}", $"{to:yyyy-MM-dd}");
        var networks = await db.Networks.Select(n => n.Id).ToListAsync(ct);
        Set = (await query.ComputeAsync(networks, null, from, to, ct)).Public();
        return Page();
    }
}
