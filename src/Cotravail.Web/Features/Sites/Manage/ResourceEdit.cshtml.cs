using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites.Manage;

/// <summary>Edit or archive one resource of a site.</summary>
public sealed class ResourceEditModel(AppDbContext db) : ManagerPage(db)
{
    [BindProperty]
    public ResourceInput Input { get; set; } = new();

    public Resource Resource { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int resourceId, CancellationToken ct)
    {
        if (await LoadAsync(id, resourceId, ct) is { } denied)
        {
            return denied;
        }
        Input = ResourceInput.From(Resource);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int resourceId, CancellationToken ct)
    {
        if (await LoadAsync(id, resourceId, ct) is { } denied)
        {
            return denied;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Input.ApplyTo(Resource);
        await Db.SaveChangesAsync(ct);
        Notice = T["« {0} » est enregistré.", Resource.Name];
        return Redirect($"/gestion/espaces/{id}/ressources");
    }

    public async Task<IActionResult> OnPostArchiveAsync(int id, int resourceId, bool archive, CancellationToken ct)
    {
        if (await LoadAsync(id, resourceId, ct) is { } denied)
        {
            return denied;
        }
        Resource.IsArchived = archive;
        await Db.SaveChangesAsync(ct);
        Notice = archive ? T["« {0} » est archivé.", Resource.Name] : T["« {0} » est de nouveau réservable.", Resource.Name];
        return Redirect($"/gestion/espaces/{id}/ressources");
    }

    private async Task<IActionResult?> LoadAsync(int id, int resourceId, CancellationToken ct)
    {
        if (await LoadSiteAsync(id, ct) is { } denied)
        {
            return denied;
        }
        var resource = await Db.Resources.FirstOrDefaultAsync(r => r.Id == resourceId && r.SiteId == id, ct);
        if (resource is null)
        {
            return NotFound();
        }
        Resource = resource;
        return null;
    }
}
