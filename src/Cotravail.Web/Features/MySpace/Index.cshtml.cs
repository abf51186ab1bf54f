using Cotravail.Web.Common;
using Microsoft.AspNetCore.Authorization;

namespace Cotravail.Web.Features.MySpace;

/// <summary>
/// « Mon espace » (<c>/mon-espace</c>), where signing in leads: a host's and a manager's blocks first, then the member's
/// « Réserver », next bookings, amount due, days left, next sign-ups and card. The same data as <c>GET /api/v1/me/summary</c>.
/// </summary>
[Authorize]
public sealed class IndexModel(MySummaryQuery query) : LocalizedPage
{
    public MySummary Summary { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Summary = await query.LoadAsync(ct);
    }
}
