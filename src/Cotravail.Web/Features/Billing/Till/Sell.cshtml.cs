using Cotravail.Web.Common;
using Cotravail.Web.Common.Idempotency;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Billing.Entitlements;
using Cotravail.Web.Features.Billing.Products;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Till;

/// <summary>
/// Selling at reception of a site: a product to a member (invoice issued, payment recorded when received now), and
/// validating a member's reduced-price category after checking the proof.
/// </summary>
public sealed class SellModel(AppDbContext db, Sales sales, Payments payments, UserManager<AppUser> users,
    IdempotencyStore once, TimeProvider clock) : LocalizedPage
{
    public Site Site { get; private set; } = null!;
    public IReadOnlyList<Product> Products { get; private set; } = [];

    public SellInput Sell { get; set; } = new();
    public CategoryInput Category { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } denied)
        {
            return denied;
        }
        Sell = new SellInput { Token = Guid.NewGuid().ToString("N") };
        return Page();
    }

    public async Task<IActionResult> OnPostSellAsync(string slug, [Bind(Prefix = "Sell")] SellInput sell, CancellationToken ct)
    {
        Sell = sell;
        if (await LoadAsync(slug, ct) is { } denied)
        {
            return denied;
        }
        var buyer = string.IsNullOrWhiteSpace(Sell.Email) ? null : await users.FindByEmailAsync(Sell.Email.Trim());
        if (buyer is null && ModelState.GetFieldValidationState("Sell.Email") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError("Sell.Email", T["Aucun compte n'a cette adresse : le membre crée d'abord son compte."]);
        }
        if (Sell.ProductId is { } productId)
        {
            var (product, problem) = await sales.FindBuyableAsync(productId, ct);
            if (product is null || product.SiteId != Site.Id)
            {
                ModelState.AddModelError("Sell.ProductId", T[problem ?? "Ce produit n'existe pas."]);
            }
        }
        if (Sell.Method == PaymentMethod.Cheque && (string.IsNullOrWhiteSpace(Sell.ChequeNumber) || string.IsNullOrWhiteSpace(Sell.ChequeBank)))
        {
            ModelState.AddModelError("Sell.ChequeNumber", T["Pour un chèque, indiquez son numéro et sa banque."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await once.TryClaimOnceAsync("sale:" + UserId, Sell.Token, ct))
        {
            Notice = T["Cette vente est déjà enregistrée (formulaire envoyé deux fois)."];
            return Redirect($"/accueil/{slug}/vente");
        }
        var result = await sales.SellAsync(new SaleRequest(Sell.ProductId!.Value, buyer!.Id, Sell.Quantity!.Value), UserId, ct);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Problems)
            {
                ModelState.AddModelError(field == "quantity" ? "Sell.Quantity" : "Sell.ProductId", T[message]);
            }
            Sell.Token = Guid.NewGuid().ToString("N");
            return Page();
        }
        var invoice = result.Invoice!;
        if (Sell.Method is { } method && invoice.TotalInclTaxCents > 0)
        {
            // Paid on the spot: a receipt, as at the till, to print or e-mail.
            var settled = await payments.SettleAsync(new SettleRequest(Site.NetworkId, Site.Id, SiteClock.Today(Site, clock), [invoice.Id], method,
                invoice.TotalInclTaxCents, Sell.ChequeNumber, Sell.ChequeBank, null, buyer!.Id, null, buyer.DisplayName), UserId, ct);
            Notice = T["Vente enregistrée : facture {0} de {1}, payée ({2}).", invoice.Number, Format.Euros(invoice.TotalInclTaxCents), T[method.French()]];
            if (settled.Receipt is { } receipt)
            {
                return Redirect($"/accueil/{slug}/caisse/recus/{receipt.Id}");
            }
        }
        else
        {
            Notice = T["Vente enregistrée : facture {0} de {1}, à régler.", invoice.Number, Format.Euros(invoice.TotalInclTaxCents)];
        }
        return Redirect($"/accueil/{slug}/vente");
    }

    public async Task<IActionResult> OnPostCategoryAsync(string slug, [Bind(Prefix = "Category")] CategoryInput category, CancellationToken ct)
    {
        Category = category;
        if (await LoadAsync(slug, ct) is { } denied)
        {
            return denied;
        }
        var member = string.IsNullOrWhiteSpace(Category.Email) ? null : await users.FindByEmailAsync(Category.Email.Trim());
        if (member is null && ModelState.GetFieldValidationState("Category.Email") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError("Category.Email", T["Aucun compte n'a cette adresse : le membre crée d'abord son compte."]);
        }
        if (!ModelState.IsValid)
        {
            Sell = new SellInput { Token = Guid.NewGuid().ToString("N") };
            return Page();
        }
        var chosen = Category.Category!.Value;
        var exists = await db.MemberCategoryGrants.AnyAsync(g => g.NetworkId == Site.NetworkId && g.UserId == member!.Id && g.Category == chosen, ct);
        if (!exists)
        {
            db.MemberCategoryGrants.Add(new MemberCategoryGrant
            {
                NetworkId = Site.NetworkId, UserId = member!.Id, Category = chosen, ValidatedByUserId = UserId, ValidatedAtUtc = clock.GetUtcNow().UtcDateTime,
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                // validated at the same moment by someone else: it is validated
            }
        }
        Notice = T["Tarif réduit « {0} » validé pour {1}.", T[chosen.French()], member!.DisplayName];
        return Redirect($"/accueil/{slug}/vente");
    }

    private string UserId => CurrentUser.RequiredId;

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, ct);
        if (site is null)
        {
            return NotFound();
        }
        Site = site;
        Products = await db.Products.AsNoTracking().Where(p => p.SiteId == site.Id && !p.IsArchived)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync(ct);
        return null;
    }
}
