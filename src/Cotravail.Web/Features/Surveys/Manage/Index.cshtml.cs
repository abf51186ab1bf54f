using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Surveys.Manage;

/// <summary>The surveys of the manager's networks, with their state and their number of counted answers.</summary>
public sealed class IndexModel(AppDbContext db, StaffAccess staff, TimeProvider clock) : PageModel
{
    public sealed record Row(Survey Survey, SurveyState State, int Answers);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var networks = await staff.ManagedNetworkIdsAsync(ct);
        var today = Survey.Today(clock);
        var surveys = await db.Surveys.AsNoTracking().Where(s => networks.Contains(s.NetworkId))
            .OrderByDescending(s => s.CreatedAtUtc).ThenBy(s => s.Title).ToListAsync(ct);
        var ids = surveys.Select(s => s.Id).ToList();
        var counts = await db.SurveyResponses.Where(r => ids.Contains(r.SurveyId) && r.Status == ResponseStatus.Complete)
            .GroupBy(r => r.SurveyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Rows = [.. surveys.Select(s => new Row(s, s.StateOn(today), counts.GetValueOrDefault(s.Id)))];
    }
}
