using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites.Impact;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Sites.Manage;

/// <summary>
/// A manager edits a site's public information, or archives it (hidden from the public, kept for history). Archiving a
/// site with bookings or registrations to come previews them, and cancels them on confirmation (<see cref="ImpactPage"/>).
/// </summary>
public sealed class EditModel(AppDbContext db, IEnumerable<ISiteSaved> saved, SiteChangeImpacts impacts) : ImpactPage(db, impacts)
{
    [BindProperty]
    public SiteInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadSiteAsync(id, ct) is { } denied)
        {
            return denied;
        }
        Input = SiteInput.From(Site);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadSiteAsync(id, ct) is { } denied)
        {
            return denied;
        }
        ModelState.AddObjectRules(Input, nameof(Input), HttpContext.RequestServices);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Input.ApplyTo(Site);
        await Db.SaveChangesAsync(ct);
        foreach (var handler in saved)
        {
            await handler.SiteSavedAsync(Site, ct);
        }
        Notice = T["Les informations de l'espace sont enregistrées."];
        return Redirect($"/gestion/espaces/{id}");
    }

    public async Task<IActionResult> OnPostArchiveAsync(int id, bool archive, CancellationToken ct)
    {
        if (await LoadSiteAsync(id, ct) is { } denied)
        {
            return denied;
        }
        Input = SiteInput.From(Site);
        ModelState.Clear();
        if (GoBack)
        {
            return Page();
        }
        if (!archive)
        {
            Site.IsArchived = false;
            await Db.SaveChangesAsync(ct);
            Notice = T["« {0} » est de nouveau ouvert au public.", Site.Name];
            return Redirect($"/gestion/espaces/{id}");
        }
        return await ChangeAsync(new SiteArchivedChange(id), "Archive", async token =>
        {
            Site.IsArchived = true;
            await Db.SaveChangesAsync(token);
            return null;
        }, "", cancelled =>
        {
            Notice = T["« {0} » est archivé : il n'apparaît plus au public.", Site.Name] + cancelled;
            return Redirect("/gestion/espaces");
        }, ct);
    }

    public override IEnumerable<KeyValuePair<string, string>> PreviewFields => [new("archive", "true")];
}
