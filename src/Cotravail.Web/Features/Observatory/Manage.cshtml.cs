using Cotravail.Web.Common.Security;
using Cotravail.Web.Common;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Observatory;

/// <summary>The managers' observatory: every indicator of their networks, revenue included, with the JSON export.</summary>
public sealed class ManageModel(Data.AppDbContext db, StaffAccess staff, YearOnYear yearOnYear, TimeProvider clock) : ObservatoryPage(clock)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var networks = await staff.ManagedNetworkIdsAsync(ct);
        var sites = await SiteChoice.ListAsync(db, networks, ct);
        if (ReadFilter(sites) is not { } filter)
        {
            return Page();
        }
        await ComputeAsync(db, yearOnYear, networks, sites, filter, isPublic: false, ct);
        return Page();
    }
}
