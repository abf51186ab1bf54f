using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites.Manage;

/// <summary>The bookable resources of a site: list and add.</summary>
public sealed class ResourcesModel(AppDbContext db) : ManagerPage(db)
{
    [BindProperty]
    public ResourceInput Input { get; set; } = new() { Kind = ResourceKind.DeskPool, Capacity = 1 };

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadSiteAsync(id, ct, q => q.Include(s => s.Resources)) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadSiteAsync(id, ct, q => q.Include(s => s.Resources)) is { } denied)
        {
            return denied;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var resource = new Resource { SiteId = id, SortOrder = Site.Resources.Count == 0 ? 0 : Site.Resources.Max(r => r.SortOrder) + 1 };
        Input.ApplyTo(resource);
        Db.Resources.Add(resource);
        await Db.SaveChangesAsync(ct);
        Notice = T["« {0} » est ajouté.", resource.Name];
        return Redirect($"/gestion/espaces/{id}/ressources");
    }
}
