using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Newcomers.Manage;

/// <summary>Managers write the sections of « Venir travailler dans la vallée » in Markdown (sanitised when shown).</summary>
public sealed class ContentModel(AppDbContext db, StaffScope scope, TimeProvider clock) : LocalizedPage
{
    public IReadOnlyList<TerritorySection> Sections { get; private set; } = [];
    public TerritorySection? Editing { get; private set; }

    [BindProperty]
    public SectionInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int? sectionId, CancellationToken ct)
    {
        if (!await LoadAsync(sectionId, ct))
        {
            return NotFound();
        }
        Input = Editing is { } s
            ? new SectionInput { Title = s.Title, Body = s.Body, SortOrder = s.SortOrder }
            : new SectionInput { SortOrder = (Sections.Count == 0 ? 0 : Sections.Max(x => x.SortOrder)) + 10 };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? sectionId, CancellationToken ct)
    {
        if (!await LoadAsync(sectionId, ct))
        {
            return NotFound();
        }
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
            await db.SaveChangesAsync(ct);
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

    private async Task<int?> NetworkIdAsync(CancellationToken ct)
    {
        var managed = await scope.ManagedNetworkIdsAsync(User, ct);
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
