using System.Globalization;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites.Impact;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites.Manage;

/// <summary>
/// Edit or archive one resource of a site. Archiving it or lowering its capacity under what is booked is previewed,
/// and cancels those bookings on confirmation (<see cref="ImpactPage"/>).
/// </summary>
public sealed class ResourceEditModel(AppDbContext db, SiteChangeImpacts impacts) : ImpactPage(db, impacts)
{
    [BindProperty]
    public ResourceInput Input { get; set; } = new();

    public Resource Resource { get; private set; } = null!;

    /// <summary>The preview is the archiving's (else the capacity's).</summary>
    public bool Archiving { get; private set; }

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
        if (!ModelState.IsValid || GoBack)
        {
            return Page();
        }
        return await ChangeAsync(new CapacityChange(id, resourceId, Input.Capacity!.Value), null, async token =>
        {
            Input.ApplyTo(Resource);
            await Db.SaveChangesAsync(token);
            return null;
        }, "Input.Capacity", cancelled =>
        {
            Notice = T["« {0} » est enregistré.", Resource.Name] + cancelled;
            return Redirect($"/gestion/espaces/{id}/ressources");
        }, ct);
    }

    public async Task<IActionResult> OnPostArchiveAsync(int id, int resourceId, bool archive, CancellationToken ct)
    {
        if (await LoadAsync(id, resourceId, ct) is { } denied)
        {
            return denied;
        }
        Input = ResourceInput.From(Resource);
        ModelState.Clear();
        if (!archive || GoBack)
        {
            if (!archive && Resource.IsArchived)
            {
                Resource.IsArchived = false;
                await Db.SaveChangesAsync(ct);
                Notice = T["« {0} » est de nouveau réservable.", Resource.Name];
                return Redirect($"/gestion/espaces/{id}/ressources");
            }
            return Page();
        }
        Archiving = true;
        return await ChangeAsync(new ResourceArchivedChange(id, resourceId), "Archive", async token =>
        {
            Resource.IsArchived = true;
            await Db.SaveChangesAsync(token);
            return null;
        }, "", cancelled =>
        {
            Notice = T["« {0} » est archivé.", Resource.Name] + cancelled;
            return Redirect($"/gestion/espaces/{id}/ressources");
        }, ct);
    }

    public override IEnumerable<KeyValuePair<string, string>> PreviewFields => Archiving
        ? [new("archive", "true")]
        : [
            new("Input.Kind", Input.Kind?.ToString() ?? ""),
            new("Input.Name", Input.Name ?? ""),
            new("Input.Capacity", Input.Capacity?.ToString(CultureInfo.InvariantCulture) ?? ""),
            new("Input.Description", Input.Description ?? ""),
        ];

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
