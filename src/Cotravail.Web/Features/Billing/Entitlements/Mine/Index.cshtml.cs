using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Billing.Products;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Entitlements.Mine;

/// <summary>What the member chooses to order: a product and a quantity (the summary comes next).</summary>
public sealed class OrderInput
{
    [Display(Name = "Carnet ou abonnement")]
    [Required(ErrorMessage = "Choisissez un carnet ou un abonnement.")]
    public int? ProductId { get; set; }

    [Display(Name = "Quantité")]
    [Required(ErrorMessage = "Indiquez la quantité.")]
    [Range(1, Sales.MaxQuantity, ErrorMessage = "La quantité va de 1 à 12.")]
    public int? Quantity { get; set; } = 1;
}

/// <summary>
/// « Mes droits »: remaining days and expiry dates of the member's carnets and subscriptions, and choosing one to order.
/// The choice leads to the order's summary (<c>/mes-droits/commande</c>), where the order is confirmed.
/// </summary>
public sealed class IndexModel(AppDbContext db, Sales sales, BookingCover cover, TimeProvider clock) : LocalizedPage
{
    public IReadOnlyList<(Entitlement Entitlement, string InvoiceNumber)> Entitlements { get; private set; } = [];

    /// <summary>The numbers of the credit notes that took days back, by id.</summary>
    public IReadOnlyDictionary<int, string> CreditNotes { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyList<(Product Product, string SiteName, int PriceCents)> Offers { get; private set; } = [];
    public bool DiscoveryAvailable { get; private set; }
    public DateOnly Today { get; private set; }

    public OrderInput Order { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    /// <summary>« Modifier » on the summary comes back here with the choice (<c>?produit=&amp;quantite=</c>).</summary>
    public async Task OnGetAsync([FromQuery(Name = "produit")] int? productId, [FromQuery(Name = "quantite")] int? quantity, CancellationToken ct)
    {
        ModelState.Clear(); // a mistyped link is not a mistake of the member's
        await LoadAsync(ct);
        Order = new OrderInput { ProductId = productId, Quantity = quantity is >= 1 and <= Sales.MaxQuantity ? quantity : 1 };
    }

    /// <summary>Checks the choice, then shows its summary; nothing is ordered yet.</summary>
    public async Task<IActionResult> OnPostAsync([Bind(Prefix = "Order")] OrderInput order, CancellationToken ct)
    {
        Order = order;
        if (Order.ProductId is { } productId)
        {
            var (product, problem) = await sales.FindBuyableAsync(productId, ct);
            if (product is null)
            {
                ModelState.AddModelError("Order.ProductId", T[problem!]);
            }
            else if (!product.Kind.GivesDays())
            {
                ModelState.AddModelError("Order.ProductId", T["En ligne, on commande un carnet ou un abonnement ; le reste se règle à l'accueil."]);
            }
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        return Redirect(OrderModel.Link(Order.ProductId!.Value, Order.Quantity!.Value));
    }

    private string UserId => CurrentUser.RequiredId;

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = ParisDay.Today(clock);
        Entitlements = (await db.Entitlements.AsNoTracking().Where(e => e.UserId == UserId)
                .Join(db.Invoices, e => e.InvoiceId, i => i.Id, (e, i) => new { e, i.Number })
                .OrderByDescending(x => x.e.ExpiresOn).ThenByDescending(x => x.e.Id).Take(100).ToListAsync(ct))
            .Select(x => (x.e, x.Number)).ToList();
        var credits = Entitlements.Select(x => x.Entitlement.WithdrawnByInvoiceId).OfType<int>().Distinct().ToList();
        CreditNotes = credits.Count == 0 ? new Dictionary<int, string>()
            : await db.Invoices.AsNoTracking().Where(i => credits.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Number, ct);
        DiscoveryAvailable = !await cover.HasUsedDiscoveryAsync(UserId, ct);
        var products = await db.Products.AsNoTracking().Include(p => p.Site)
            .Where(p => !p.IsArchived && !p.Site!.IsArchived && (p.Kind == ProductKind.Carnet || p.Kind == ProductKind.Subscription))
            .OrderBy(p => p.Site!.Name).ThenBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync(ct);
        var grants = await db.MemberCategoryGrants.AsNoTracking().Where(g => g.UserId == UserId).ToListAsync(ct);
        Offers = products.Select(p => (p, p.Site!.Name,
            p.PriceFor(grants.Where(g => g.NetworkId == p.Site.NetworkId).Select(g => g.Category).ToList()))).ToList();
    }
}
