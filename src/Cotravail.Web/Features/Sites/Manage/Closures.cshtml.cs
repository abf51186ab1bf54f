using System.Globalization;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites.Impact;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites.Manage;

/// <summary>
/// Closures of a site (holidays of the team, works…): list, add, remove. A closure over booked days is previewed, and
/// cancels them on confirmation (<see cref="ImpactPage"/>).
/// </summary>
public sealed class ClosuresModel(AppDbContext db, TimeProvider clock, SiteChangeImpacts impacts) : ImpactPage(db, impacts)
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
        if (Overlaps())
        {
            ModelState.AddModelError("Input.StartDate", T["Une fermeture couvre déjà une partie de ces dates."]);
        }
        if (!ModelState.IsValid || GoBack)
        {
            return Page();
        }
        var start = Input.StartDate!.Value;
        var end = Input.EndDate!.Value;
        var reason = Input.Reason!.Trim();
        return await ChangeAsync(new ClosureChange(id, start, end, reason), null, async token =>
        {
            // Read again in the change's transaction: a closure saved meanwhile (this form posted twice) is refused.
            Closures = await Db.Closures.AsNoTracking().Where(c => c.SiteId == id).ToListAsync(token);
            if (Overlaps())
            {
                return T["Une fermeture couvre déjà une partie de ces dates."];
            }
            Db.Closures.Add(new Closure { SiteId = id, StartDate = start, EndDate = end, Reason = reason });
            await Db.SaveChangesAsync(token);
            return null;
        }, "Input.StartDate", cancelled =>
        {
            Notice = T["La fermeture est enregistrée."] + cancelled;
            return Redirect($"/gestion/espaces/{id}/fermetures");
        }, ct);
    }

    public override IEnumerable<KeyValuePair<string, string>> PreviewFields =>
    [
        new("Input.StartDate", Input.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""),
        new("Input.EndDate", Input.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""),
        new("Input.Reason", Input.Reason ?? ""),
    ];

    private bool Overlaps() =>
        Input.StartDate is { } s && Input.EndDate is { } e && Closures.Any(c => c.StartDate <= e && c.EndDate >= s);

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
