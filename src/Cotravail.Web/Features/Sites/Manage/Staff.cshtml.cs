using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites.Manage;

/// <summary>The hosts of a site: a manager assigns an existing account (it gets the role Host) or removes it.</summary>
public sealed class StaffModel(AppDbContext db, UserManager<AppUser> users) : ManagerPage(db)
{
    [BindProperty]
    [Display(Name = "Adresse e-mail du compte")]
    [Required(ErrorMessage = "L'adresse e-mail est obligatoire.")]
    [EmailAddress(ErrorMessage = "L'adresse e-mail n'est pas valide.")]
    public string? Email { get; set; }

    public IReadOnlyList<AppUser> Hosts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        var user = ModelState.IsValid ? await users.FindByEmailAsync(Email!.Trim()) : null;
        if (ModelState.IsValid && user is null)
        {
            ModelState.AddModelError(nameof(Email), T["Aucun compte n'a cette adresse : la personne doit d'abord créer son compte."]);
        }
        if (user is not null && Hosts.Any(h => h.Id == user.Id))
        {
            ModelState.AddModelError(nameof(Email), T["Cette personne fait déjà partie de l'équipe d'accueil."]);
        }
        if (!ModelState.IsValid || user is null)
        {
            return Page();
        }
        if (!await users.IsInRoleAsync(user, Roles.Host))
        {
            await users.AddToRoleAsync(user, Roles.Host);
        }
        Db.SiteHosts.Add(new SiteHost { SiteId = id, UserId = user.Id });
        await Db.SaveChangesAsync(ct);
        Notice = T["{0} accueille désormais à {1}.", user.DisplayName, Site.Name];
        return Redirect($"/gestion/espaces/{id}/equipe");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, string userId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        var link = await Db.SiteHosts.FirstOrDefaultAsync(h => h.SiteId == id && h.UserId == userId, ct);
        var user = await users.FindByIdAsync(userId ?? "");
        if (link is null || user is null)
        {
            return NotFound();
        }
        Db.SiteHosts.Remove(link);
        await Db.SaveChangesAsync(ct);
        if (!await Db.SiteHosts.AnyAsync(h => h.UserId == userId, ct))
        {
            await users.RemoveFromRoleAsync(user, Roles.Host);
        }
        Notice = T["{0} ne fait plus partie de l'équipe de {1}.", user.DisplayName, Site.Name];
        return Redirect($"/gestion/espaces/{id}/equipe");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await LoadSiteAsync(id, ct) is { } denied)
        {
            return denied;
        }
        Hosts = await Db.SiteHosts.Where(h => h.SiteId == id).Select(h => h.User!).OrderBy(u => u.LastName).ToListAsync(ct);
        return null;
    }
}
