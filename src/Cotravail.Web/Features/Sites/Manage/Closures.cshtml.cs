using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites.Manage;

/// <summary>Closures of a site (holidays of the team, works…): list, add, remove.</summary>
public sealed class ClosuresModel(AppDbContext db, TimeProvider clock) : ManagerPage(db)
{
    [BindProperty]
    public ClosureInput Input { get; set; } = new();

    public IReadOnlyList<Closure> Closures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        var today = SiteClock.Today(Site, clock);
        Input = new ClosureInput { StartDate = today, EndDate = today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (Input.StartDate is { } s && Input.EndDate is { } e && Closures.Any(c => c.StartDate <= e && c.EndDate >= s))
        {
            ModelState.AddModelError("Input.StartDate", T["Une fermeture couvre déjà une partie de ces dates."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Db.Closures.Add(new Closure { SiteId = id, StartDate = Input.StartDate!.Value, EndDate = Input.EndDate!.Value, Reason = Input.Reason!.Trim() });
        await Db.SaveChangesAsync(ct);
        Notice = T["La fermeture est enregistrée."];
        return Redirect($"/gestion/espaces/{id}/fermetures");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int closureId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        var closure = Closures.FirstOrDefault(c => c.Id == closureId);
        if (closure is null)
        {
            return NotFound();
        }
        Db.Closures.Remove(closure);
        await Db.SaveChangesAsync(ct);
        Notice = T["La fermeture est supprimée."];
        return Redirect($"/gestion/espaces/{id}/fermetures");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await LoadSiteAsync(id, ct) is { } denied)
        {
            return denied;
        }
        Closures = await Db.Closures.Where(c => c.SiteId == id).OrderByDescending(c => c.StartDate).ToListAsync(ct);
        return null;
    }
}
