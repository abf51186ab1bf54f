using Cotravail.Web.Common;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Billing.Companies;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Manage;

/// <summary>Company accounts of the manager's networks: list and create.</summary>
public sealed class CompaniesModel(AppDbContext db, StaffAccess staff) : LocalizedPage
{
    public IReadOnlyList<Company> Companies { get; private set; } = [];
    public IReadOnlyList<Network> Networks { get; private set; } = [];

    [BindProperty]
    public CompanyInput Input { get; set; } = new();

    [BindProperty]
    public int NetworkId { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Networks.Count == 1)
        {
            NetworkId = Networks[0].Id;
        }
        if (!Networks.Any(n => n.Id == NetworkId))
        {
            return Forbid();
        }
        if (ModelState.IsValid && await db.Companies.AnyAsync(c => c.NetworkId == NetworkId && c.Siret == Input.CleanSiret, ct))
        {
            ModelState.AddModelError("Input.Siret", T["Une entreprise de ce réseau a déjà ce SIRET."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var company = new Company
        {
            NetworkId = NetworkId, Name = Input.Name!.Trim(), Siret = Input.CleanSiret, BillingAddress = Input.BillingAddress!.Trim(),
            Email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim(),
        };
        db.Companies.Add(company);
        await db.SaveChangesAsync(ct);
        Notice = T["Le compte entreprise « {0} » est créé : ajoutez-y ses membres.", company.Name];
        return Redirect($"/gestion/entreprises/{company.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var ids = await staff.ManagedNetworkIdsAsync(ct);
        Networks = await (await staff.NetworksInScopeAsync(ct)).AsNoTracking().OrderBy(n => n.Name).ToListAsync(ct);
        Companies = await db.Companies.AsNoTracking().Include(c => c.Members).Where(c => ids.Contains(c.NetworkId)).OrderBy(c => c.Name).ToListAsync(ct);
    }
}
