using Cotravail.Web.Common;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Observatory;

/// <summary>The managers' observatory: every indicator of their networks, revenue included, with the JSON export.</summary>
public sealed class ManageModel(StaffScope scope, IndicatorsQuery query, TimeProvider clock) : LocalizedPage
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
        Set = await query.ComputeAsync(await scope.ManagedNetworkIdsAsync(User, ct), null, from, to, ct);
        return Page();
    }
}
