using Cotravail.Web.Common.Security;
using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Newcomers.Manage;

/// <summary>The managers' inbox of « Je m'installe / je découvre » requests, with filters, and the newcomers' indicators.</summary>
public sealed class IndexModel(AppDbContext db, StaffAccess staff, NewcomerIndicators indicators, TimeProvider clock) : LocalizedPage
{
    public const int PageSize = 100;

    public IReadOnlyList<NewcomerRequest> Requests { get; private set; } = [];
    public NewcomerFigures Figures { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "statut")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "projet")]
    public string? Project { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var networks = await staff.ManagedNetworkIdsAsync(ct);
        if (networks.Count == 0)
        {
            return Forbid();
        }
        var query = db.Set<NewcomerRequest>().AsNoTracking().Where(r => networks.Contains(r.NetworkId));
        if (RequestLabels.ParseStatus(Status) is { } status)
        {
            query = query.Where(r => r.Status == status);
        }
        if (Project is not null && RequestForm.Projects.Contains(Project))
        {
            query = query.Where(r => r.Project == Project);
        }
        if (!string.IsNullOrWhiteSpace(Search) && Search.Length <= 100)
        {
            var q = Search.Trim().ToLowerInvariant();
            query = query.Where(r => r.Name.ToLower().Contains(q) || (r.Organisation != null && r.Organisation.ToLower().Contains(q)));
        }
        Requests = await query.OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id).Take(PageSize).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Figures = await indicators.ComputeAsync(networks, today.AddMonths(-11), today, ct);
        return Page();
    }
}
