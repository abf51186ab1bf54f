using System.Security.Claims;
using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Entrepreneurs.Manage;

/// <summary>
/// Managers handle reports: dismiss, or hide the profile or listing reported. A manager sees and handles the reports of
/// profiles (and their listings) whose owners belong to a network they manage (ADR 0025).
/// </summary>
public sealed class ReportsModel(AppDbContext db, Sites.StaffScope scope, Sites.NetworkMembership membership, TimeProvider clock) : LocalizedPage
{
    public IReadOnlyList<Report> Open { get; private set; } = [];
    public IReadOnlyList<Report> Handled { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var mine = await MineAsync(ct);
        Open = await mine.AsNoTracking().Include(r => r.Profile).Include(r => r.Listing)
            .Where(r => r.Outcome == ReportOutcome.Open).OrderBy(r => r.CreatedAtUtc).Take(200).ToListAsync(ct);
        Handled = await mine.AsNoTracking().Include(r => r.Profile).Include(r => r.Listing)
            .Where(r => r.Outcome != ReportOutcome.Open).OrderByDescending(r => r.HandledAtUtc).Take(20).ToListAsync(ct);
    }

    public Task<IActionResult> OnPostDismissAsync(int reportId, CancellationToken ct) => HandleAsync(reportId, hide: false, ct);

    public Task<IActionResult> OnPostHideAsync(int reportId, CancellationToken ct) => HandleAsync(reportId, hide: true, ct);

    private async Task<IActionResult> HandleAsync(int reportId, bool hide, CancellationToken ct)
    {
        if (!await (await MineAsync(ct)).AnyAsync(r => r.Id == reportId, ct))
        {
            return NotFound();
        }
        var done = await ProfileReports.HandleAsync(db, reportId, hide, User.FindFirstValue(ClaimTypes.NameIdentifier)!, clock.GetUtcNow().UtcDateTime, ct);
        Notice = !done ? T["Ce signalement est déjà traité."] : hide ? T["C'est masqué : plus personne ne le voit."] : T["Le signalement est classé sans suite."];
        return Redirect("/gestion/signalements");
    }

    /// <summary>The reports of profiles and listings whose owners belong to one of this manager's networks.</summary>
    private async Task<IQueryable<Report>> MineAsync(CancellationToken ct)
    {
        var networks = await scope.ManagedNetworkIdsAsync(User, ct);
        if (networks.Count == 0)
        {
            return db.Reports().Where(r => false);
        }
        var people = await membership.PeopleOfAsync(networks, ct);
        return people is null ? db.Reports() : db.Reports().Where(r =>
            (r.Profile != null && people.Contains(r.Profile.OwnerUserId)) || (r.Listing != null && people.Contains(r.Listing.Profile!.OwnerUserId)));
    }
}
