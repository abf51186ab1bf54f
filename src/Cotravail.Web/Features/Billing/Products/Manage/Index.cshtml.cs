using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Cotravail.Web.Features.Sites.Manage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Products.Manage;

/// <summary>A site's products (list and add) and its rules for late cancellations and no-shows.</summary>
public sealed class IndexModel(AppDbContext db) : ManagerPage(db)
{
    public ProductInput Input { get; set; } = new() { Kind = ProductKind.Carnet };

    public IReadOnlyList<Product> Products { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, [Bind(Prefix = "Input")] ProductInput input, CancellationToken ct)
    {
        Input = input;
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        ModelState.AddObjectRules(Input, nameof(Input), HttpContext.RequestServices);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var product = new Product { SiteId = id, SortOrder = Products.Count == 0 ? 0 : Products.Max(p => p.SortOrder) + 1 };
        Input.ApplyTo(product);
        Db.Products.Add(product);
        await Db.SaveChangesAsync(ct);
        await ProductPrices.SyncSiteAsync(Db, Site, ct);
        await Db.SaveChangesAsync(ct);
        Notice = T["« {0} » est ajouté.", product.Name];
        return Redirect($"/gestion/espaces/{id}/produits");
    }

    public async Task<IActionResult> OnPostRulesAsync(int id, bool chargeLateCancellations, bool chargeNoShows, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        Site.ChargeLateCancellations = chargeLateCancellations;
        Site.ChargeNoShows = chargeNoShows;
        await Db.SaveChangesAsync(ct);
        Notice = T["Les règles d'annulation sont enregistrées."];
        return Redirect($"/gestion/espaces/{id}/produits");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await LoadSiteAsync(id, ct) is { } denied)
        {
            return denied;
        }
        Products = await Db.Products.AsNoTracking().Where(p => p.SiteId == id)
            .OrderBy(p => p.IsArchived).ThenBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync(ct);
        return null;
    }
}
