using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Billing.Companies;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Manage;

/// <summary>
/// One company account: its members (added by e-mail, one company per member and network). Only its network's managers get
/// here (<c>RequireStaffScope</c> in <see cref="BillingModule"/>).
/// </summary>
public sealed class CompanyModel(AppDbContext db, UserManager<AppUser> users, Balances balances) : LocalizedPage
{
    public Company Company { get; private set; } = null!;
    public IReadOnlyList<AppUser> Members { get; private set; } = [];
    public int DueCents { get; private set; }

    [BindProperty]
    [Display(Name = "Adresse e-mail du membre")]
    [Required(ErrorMessage = "L'adresse e-mail est obligatoire.")]
    [EmailAddress(ErrorMessage = "L'adresse e-mail n'est pas valide.")]
    public string? Email { get; set; }

    [TempData]
    public string? Notice { get; set; }

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
        else if (user is not null && await db.CompanyMembers.AnyAsync(m => m.NetworkId == Company.NetworkId && m.UserId == user.Id, ct))
        {
            ModelState.AddModelError(nameof(Email), T["Ce membre est déjà rattaché à un compte entreprise de ce réseau."]);
        }
        if (!ModelState.IsValid || user is null)
        {
            return Page();
        }
        db.CompanyMembers.Add(new CompanyMember { CompanyId = id, NetworkId = Company.NetworkId, UserId = user.Id });
        await db.SaveChangesAsync(ct);
        Notice = T["{0} est rattaché·e à {1} : son usage lui sera facturé.", user.DisplayName, Company.Name];
        return Redirect($"/gestion/entreprises/{id}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, string userId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        var removed = await db.CompanyMembers.Where(m => m.CompanyId == id && m.UserId == userId).ExecuteDeleteAsync(ct);
        if (removed == 0)
        {
            return NotFound();
        }
        Notice = T["Le membre n'est plus rattaché à {0}.", Company.Name];
        return Redirect($"/gestion/entreprises/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var company = await db.Companies.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (company is null)
        {
            return NotFound();
        }
        Company = company;
        DueCents = await balances.CompanyAsync(company.NetworkId, company.Siret, ct);
        Members = await db.CompanyMembers.Where(m => m.CompanyId == id).Select(m => m.User!).OrderBy(u => u.LastName).ToListAsync(ct);
        return null;
    }
}
