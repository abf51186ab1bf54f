using Cotravail.Web.Common.Security;
using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Community;

/// <summary>Hosts ask for « coups de main » at their sites and see who volunteered.</summary>
public sealed class ManageModel(AppDbContext db, StaffAccess staff, TimeProvider clock) : LocalizedPage
{
    public IReadOnlyList<Site> Sites { get; private set; } = [];
    public IReadOnlyList<HelpTask> Tasks { get; private set; } = [];

    [BindProperty]
    public HelpTaskInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new HelpTaskInput { SiteId = Sites.FirstOrDefault()?.Id, PeopleNeeded = 2 };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var site = Sites.FirstOrDefault(s => s.Id == Input.SiteId);
        if (Input.SiteId is not null && site is null)
        {
            return Forbid(); // not one of the sites this person hosts
        }
        ModelState.AddObjectRules(Input, nameof(Input), HttpContext.RequestServices);
        if (site is not null && Input.Date is { } date && date < SiteClock.Today(site, clock))
        {
            ModelState.AddModelError("Input.Date", T["Cette date est passée."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.HelpTasks.Add(new HelpTask
        {
            SiteId = site!.Id, Title = Input.Title!.Trim(), Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim(),
            Date = Input.Date!.Value, Start = Input.Start, End = Input.End, PeopleNeeded = Input.PeopleNeeded!.Value,
            CreatedByUserId = CurrentUser.RequiredId, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        Notice = T["Le coup de main « {0} » est proposé aux membres.", Input.Title!.Trim()];
        return Redirect("/accueil/coups-de-main");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Sites = await (await staff.SitesInScopeAsync(ct)).AsNoTracking().Where(s => !s.IsArchived).OrderBy(s => s.Name).ToListAsync(ct);
        var ids = Sites.Select(s => s.Id).ToList();
        var since = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-30);
        Tasks = await db.HelpTasks.AsNoTracking().Include(t => t.Site).Include(t => t.Signups).ThenInclude(s => s.User)
            .Where(t => ids.Contains(t.SiteId) && t.Date >= since).OrderBy(t => t.Date).ToListAsync(ct);
    }
}
