using Cotravail.Web.Common;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites.Manage;

/// <summary>A manager opens a new site in one of their networks.</summary>
public sealed class CreateModel(AppDbContext db, StaffAccess staff) : LocalizedPage
{
    [BindProperty]
    public SiteInput Input { get; set; } = new() { DayPrice = "15,00" };

    [BindProperty]
    public int NetworkId { get; set; }

    public List<SelectListItem> Networks { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadNetworksAsync(ct);
        return Networks.Count == 0 ? Forbid() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadNetworksAsync(ct);
        if (Networks.Count == 0)
        {
            return Forbid();
        }
        if (Networks.Count == 1)
        {
            NetworkId = int.Parse(Networks[0].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        if (!Networks.Any(n => n.Value == NetworkId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            ModelState.AddModelError(nameof(NetworkId), T["Choisissez un de vos réseaux."]);
        }
        ModelState.AddObjectRules(Input, nameof(Input), HttpContext.RequestServices);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var site = new Site { NetworkId = NetworkId };
        Input.ApplyTo(site);
        site.Slug = await UniqueSlugAsync(Slug.From(site.Name), ct);
        db.Sites.Add(site);
        await db.SaveChangesAsync(ct);
        Notice = T["L'espace « {0} » est créé. Ajoutez ses espaces à réserver et ses horaires.", site.Name];
        return Redirect($"/gestion/espaces/{site.Id}/ressources");
    }

    private async Task<string> UniqueSlugAsync(string slug, CancellationToken ct)
    {
        var candidate = slug;
        for (var i = 2; await db.Sites.AnyAsync(s => s.Slug == candidate, ct); i++)
        {
            candidate = $"{slug}-{i}";
        }
        return candidate;
    }

    private async Task LoadNetworksAsync(CancellationToken ct)
    {
        Networks = await (await staff.NetworksInScopeAsync(ct)).OrderBy(n => n.Name)
            .Select(n => new SelectListItem(n.Name, n.Id.ToString()))
            .ToListAsync(ct);
    }
}
