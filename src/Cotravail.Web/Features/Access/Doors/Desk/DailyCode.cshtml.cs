using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Access.Doors.Desk;

/// <summary>The code of the day at a site (<c>/accueil/{slug}/code-porte</c>, its hosts and its network's managers): today's and tomorrow's.</summary>
public sealed class DailyCodeModel(AppDbContext db, DoorCodes codes, TimeProvider clock) : LocalizedPage
{
    public Site Site { get; private set; } = null!;
    public DoorMode Mode { get; private set; }
    public DateOnly Today { get; private set; }
    public string? TodayCode { get; private set; }
    public string? TomorrowCode { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, ct);
        if (site is null)
        {
            return NotFound();
        }
        Site = site;
        Today = SiteClock.Today(site, clock);
        var access = await codes.AccessAsync(site.Id, ct);
        Mode = access?.Mode ?? DoorMode.None;
        if (access is { Mode: DoorMode.DailyCode })
        {
            TodayCode = DoorCodeRules.Spaced(codes.CodeOf(access, GrantKind.Daily, Today.DayNumber));
            TomorrowCode = DoorCodeRules.Spaced(codes.CodeOf(access, GrantKind.Daily, Today.AddDays(1).DayNumber));
        }
        return Page();
    }
}
