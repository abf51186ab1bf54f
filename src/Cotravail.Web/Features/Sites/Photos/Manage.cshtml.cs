using Cotravail.Web.Common.Images;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites.Manage;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Sites.Photos;

/// <summary>
/// A manager adds photos of a site (each with its description), changes a description, moves a photo up or down (the
/// first is the main photo, shown on the home page card) and deletes one. A refused upload changes nothing.
/// </summary>
public sealed class ManageModel(AppDbContext db, SitePhotoStore store) : ManagerPage(db)
{
    public IReadOnlyList<SitePhotoView> Photos { get; private set; } = [];

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadSiteAsync(id, ct) is { } denied)
        {
            return denied;
        }
        Photos = await SitePhotoQueries.OfSiteAsync(Db, id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken ct)
    {
        if (await LoadSiteAsync(id, ct) is { } denied)
        {
            return denied;
        }
        ModelState.Clear();
        PhotoRefusal? refusal;
        if (Upload is not { Length: > 0 })
        {
            refusal = new PhotoRefusal(nameof(Upload), "Choisissez une photo à envoyer.");
        }
        else if (Upload.Length > ImageCheck.MaxBytes)
        {
            refusal = new PhotoRefusal(nameof(Upload), "L'image dépasse 2 Mo.");
        }
        else
        {
            await using var stream = Upload.OpenReadStream();
            var bytes = await ImageCheck.ReadLimitedAsync(stream, ct);
            (_, refusal) = await store.AddAsync(id, bytes, Description, ct);
        }
        if (refusal is not null)
        {
            ModelState.AddModelError(refusal.Field, T[refusal.Message]);
            if (refusal.Field == nameof(Upload) && SitePhotoStore.DescriptionRefusal(Description) is { } also)
            {
                ModelState.AddModelError(also.Field, T[also.Message]);
            }
            Photos = await SitePhotoQueries.OfSiteAsync(Db, id, ct);
            return Page();
        }
        Notice = T["La photo est ajoutée."];
        return Redirect($"/gestion/espaces/{id}/photos");
    }

    public async Task<IActionResult> OnPostDescribeAsync(int id, int photoId, string? text, CancellationToken ct)
    {
        if (await LoadSiteAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (SitePhotoStore.DescriptionRefusal(text) is { } refusal)
        {
            ModelState.Clear();
            ModelState.AddModelError($"text-{photoId}", T[refusal.Message]);
            Photos = await SitePhotoQueries.OfSiteAsync(Db, id, ct);
            return Page();
        }
        if (!await store.DescribeAsync(id, photoId, text!, ct))
        {
            return NotFound();
        }
        Notice = T["La description est enregistrée."];
        return Redirect($"/gestion/espaces/{id}/photos#photo-{photoId}");
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int photoId, string? direction, CancellationToken ct)
    {
        if (await LoadSiteAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (!await store.MoveAsync(id, photoId, direction == "up", ct))
        {
            return NotFound();
        }
        Notice = T["L'ordre des photos est enregistré."];
        return Redirect($"/gestion/espaces/{id}/photos#photo-{photoId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int photoId, CancellationToken ct)
    {
        if (await LoadSiteAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (!await store.DeleteAsync(id, photoId, ct))
        {
            return NotFound();
        }
        Notice = T["La photo est supprimée."];
        return Redirect($"/gestion/espaces/{id}/photos");
    }
}
