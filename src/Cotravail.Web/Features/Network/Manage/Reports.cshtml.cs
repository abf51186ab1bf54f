using System.Security.Claims;
using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Entrepreneurs.Manage;

/// <summary>Managers handle reports: dismiss, or hide the profile or listing reported.</summary>
public sealed class ReportsModel(AppDbContext db, TimeProvider clock) : LocalizedPage
{
    public IReadOnlyList<Report> Open { get; private set; } = [];
    public IReadOnlyList<Report> Handled { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Open = await db.Reports().AsNoTracking().Include(r => r.Profile).Include(r => r.Listing)
            .Where(r => r.Outcome == ReportOutcome.Open).OrderBy(r => r.CreatedAtUtc).Take(200).ToListAsync(ct);
        Handled = await db.Reports().AsNoTracking().Include(r => r.Profile).Include(r => r.Listing)
            .Where(r => r.Outcome != ReportOutcome.Open).OrderByDescending(r => r.HandledAtUtc).Take(20).ToListAsync(ct);
    }

    public Task<IActionResult> OnPostDismissAsync(int reportId, CancellationToken ct) => HandleAsync(reportId, hide: false, ct);

    public Task<IActionResult> OnPostHideAsync(int reportId, CancellationToken ct) => HandleAsync(reportId, hide: true, ct);

    private async Task<IActionResult> HandleAsync(int reportId, bool hide, CancellationToken ct)
    {
        var done = await NetworkReports.HandleAsync(db, reportId, hide, User.FindFirstValue(ClaimTypes.NameIdentifier)!, clock.GetUtcNow().UtcDateTime, ct);
        Notice = !done ? T["Ce signalement est déjà traité."] : hide ? T["C'est masqué : plus personne ne le voit."] : T["Le signalement est classé sans suite."];
        return Redirect("/gestion/signalements");
    }
}
