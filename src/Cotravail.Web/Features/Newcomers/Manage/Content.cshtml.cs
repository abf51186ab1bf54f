using Cotravail.Web.Common.Security;
using Cotravail.Web.Common;
using Cotravail.Web.Common.Images;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Newcomers.Manage;

/// <summary>Managers write the sections of « Venir travailler dans la vallée » in Markdown (sanitised when shown).</summary>
public sealed class ContentModel(AppDbContext db, StaffAccess staff, TimeProvider clock) : LocalizedPage
{
    public IReadOnlyList<TerritorySection> Sections { get; private set; } = [];
    public TerritorySection? Editing { get; private set; }

    [BindProperty]
    public SectionInput Input { get; set; } = new();

    /// <summary>A picture shown with the section (JPEG, PNG or WebP, 2 MB at most, checked by its content).</summary>
    [BindProperty]
    public IFormFile? Image { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int? sectionId, CancellationToken ct)
    {
        if (!await LoadAsync(sectionId, ct))
        {
            return NotFound();
        }
        Input = Editing is { } s
            ? new SectionInput { Title = s.Title, Body = s.Body, SortOrder = s.SortOrder, ImageAlt = s.ImageAlt }
            : new SectionInput { SortOrder = (Sections.Count == 0 ? 0 : Sections.Max(x => x.SortOrder)) + 10 };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? sectionId, CancellationToken ct)
    {
        if (!await LoadAsync(sectionId, ct))
        {
            return NotFound();
        }
        var (image, bytes) = await CheckImageAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var networkId = await NetworkIdAsync(ct);
        using (await WriteGate.EnterAsync(db, ct))
        {
            var section = Editing is null ? new TerritorySection { NetworkId = networkId!.Value } : await db.Set<TerritorySection>().FirstAsync(s => s.Id == Editing.Id, ct);
            if (Editing is null)
            {
                db.Add(section);
            }
            section.Title = Input.Title!.Trim();
            section.Body = Input.Body!.Trim();
            section.SortOrder = Input.SortOrder;
            section.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
            section.ImageAlt = string.IsNullOrWhiteSpace(Input.ImageAlt) ? null : Input.ImageAlt.Trim();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            if (image is not null || Input.RemoveImage)
            {
                await db.Set<TerritorySectionImage>().Where(i => i.SectionId == section.Id).ExecuteDeleteAsync(ct);
                section.ImageContentType = image?.ContentType;
                section.ImageAlt = image is null ? null : section.ImageAlt;
                section.ImageVersion++;
                if (image is not null)
                {
                    db.Add(new TerritorySectionImage { SectionId = section.Id, Content = bytes! });
                }
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        Notice = T["La rubrique « {0} » est enregistrée.", Input.Title!.Trim()];
        return Redirect("/gestion/nouveaux-arrivants/contenu");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int? sectionId, CancellationToken ct)
    {
        if (!await LoadAsync(sectionId, ct) || Editing is null)
        {
            return NotFound();
        }
        using (await WriteGate.EnterAsync(db, ct))
        {
            await db.Set<TerritorySection>().Where(s => s.Id == Editing.Id).ExecuteDeleteAsync(ct);
        }
        Notice = T["La rubrique « {0} » est supprimée.", Editing.Title];
        return Redirect("/gestion/nouveaux-arrivants/contenu");
    }

    /// <summary>The uploaded picture once checked, with its text alternative required; errors go next to the fields.</summary>
    private async Task<(CheckedImage? Image, byte[]? Bytes)> CheckImageAsync(CancellationToken ct)
    {
        if (Image is not { Length: > 0 })
        {
            var keeps = Editing?.ImageContentType is not null && !Input.RemoveImage;
            if (keeps && string.IsNullOrWhiteSpace(Input.ImageAlt))
            {
                ModelState.AddModelError("Input.ImageAlt", T["Décrivez l'image pour les personnes qui ne la voient pas."]);
            }
            return (null, null);
        }
        if (Image.Length > ImageCheck.MaxBytes)
        {
            ModelState.AddModelError(nameof(Image), T["L'image dépasse 2 Mo."]);
            return (null, null);
        }
        await using var stream = Image.OpenReadStream();
        var bytes = await ImageCheck.ReadLimitedAsync(stream, ct);
        var image = ImageCheck.Inspect(bytes, out var error);
        if (image is null)
        {
            ModelState.AddModelError(nameof(Image), T[error!]);
            return (null, null);
        }
        if (string.IsNullOrWhiteSpace(Input.ImageAlt))
        {
            ModelState.AddModelError("Input.ImageAlt", T["Décrivez l'image pour les personnes qui ne la voient pas."]);
        }
        return (image, bytes);
    }

    private async Task<int?> NetworkIdAsync(CancellationToken ct)
    {
        var managed = await staff.ManagedNetworkIdsAsync(ct);
        var territory = await Territory.NetworkIdAsync(db, ct);
        return territory is { } id && managed.Contains(id) ? id : null;
    }

    /// <summary>False when this manager does not manage the territory's network, or the section is not one of it.</summary>
    private async Task<bool> LoadAsync(int? sectionId, CancellationToken ct)
    {
        if (await NetworkIdAsync(ct) is not { } networkId)
        {
            return false;
        }
        Sections = await db.Set<TerritorySection>().AsNoTracking().Where(s => s.NetworkId == networkId)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(ct);
        Editing = sectionId is { } id ? Sections.FirstOrDefault(s => s.Id == id) : null;
        return sectionId is null || Editing is not null;
    }
}
