using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Cotravail.Web.Features.Sites.Manage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Products.Manage;

/// <summary>Edit one product, or archive it (no longer on sale; what was sold keeps referring to it).</summary>
public sealed class EditModel(AppDbContext db) : ManagerPage(db)
{
    public ProductInput Input { get; set; } = new();

    public Product Product { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int productId, CancellationToken ct)
    {
        if (await LoadAsync(id, productId, ct) is { } denied)
        {
            return denied;
        }
        Input = ProductInput.From(Product);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int productId, [Bind(Prefix = "Input")] ProductInput input, CancellationToken ct)
    {
        Input = input;
        if (await LoadAsync(id, productId, ct) is { } denied)
        {
            return denied;
        }
        ModelState.AddObjectRules(Input, nameof(Input), HttpContext.RequestServices);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Input.ApplyTo(Product);
        await Db.SaveChangesAsync(ct);
        await ProductPrices.SyncSiteAsync(Db, Site, ct);
        await Db.SaveChangesAsync(ct);
        Notice = T["« {0} » est enregistré.", Product.Name];
        return Redirect($"/gestion/espaces/{id}/produits");
    }

    public async Task<IActionResult> OnPostArchiveAsync(int id, int productId, bool archive, CancellationToken ct)
    {
        if (await LoadAsync(id, productId, ct) is { } denied)
        {
            return denied;
        }
        Product.IsArchived = archive;
        await Db.SaveChangesAsync(ct);
        await ProductPrices.SyncSiteAsync(Db, Site, ct);
        await Db.SaveChangesAsync(ct);
        Notice = archive ? T["« {0} » est archivé : il n'est plus en vente.", Product.Name] : T["« {0} » est de nouveau en vente.", Product.Name];
        return Redirect($"/gestion/espaces/{id}/produits");
    }

    private async Task<IActionResult?> LoadAsync(int id, int productId, CancellationToken ct)
    {
        if (await LoadSiteAsync(id, ct) is { } denied)
        {
            return denied;
        }
        var product = await Db.Products.FirstOrDefaultAsync(p => p.Id == productId && p.SiteId == id, ct);
        if (product is null)
        {
            return NotFound();
        }
        Product = product;
        return null;
    }
}
