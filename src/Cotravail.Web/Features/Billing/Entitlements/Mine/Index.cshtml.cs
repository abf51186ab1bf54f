using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common;
using Cotravail.Web.Common.Idempotency;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Billing.Products;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Entitlements.Mine;

/// <summary>An order as the member makes it.</summary>
public sealed class OrderInput
{
    [Display(Name = "Carnet ou abonnement")]
    [Required(ErrorMessage = "Choisissez un carnet ou un abonnement.")]
    public int? ProductId { get; set; }

    [Display(Name = "Quantité")]
    [Required(ErrorMessage = "Indiquez la quantité.")]
    [Range(1, Sales.MaxQuantity, ErrorMessage = "La quantité va de 1 à 12.")]
    public int? Quantity { get; set; } = 1;

    [Display(Name = "Règlement")]
    [Required(ErrorMessage = "Choisissez comment vous réglez.")]
    public PaymentChoice? Payment { get; set; }

    /// <summary>One-time token of the form: a second submission orders nothing more.</summary>
    public string Token { get; set; } = "";
}

/// <summary>« Mes droits »: remaining days and expiry dates of the member's carnets and subscriptions, and ordering one.</summary>
public sealed class IndexModel(AppDbContext db, Sales sales, BookingCover cover, IOnlineCardPayment card, IdempotencyStore once, TimeProvider clock)
    : LocalizedPage
{
    public IReadOnlyList<(Entitlement Entitlement, string InvoiceNumber)> Entitlements { get; private set; } = [];

    /// <summary>The numbers of the credit notes that took days back, by id.</summary>
    public IReadOnlyDictionary<int, string> CreditNotes { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyList<(Product Product, string SiteName, int PriceCents)> Offers { get; private set; } = [];
    public bool DiscoveryAvailable { get; private set; }
    public bool CardAvailable => card.IsAvailable;
    public DateOnly Today { get; private set; }

    public OrderInput Order { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Order = new OrderInput { Payment = PaymentChoice.AtDesk, Token = Guid.NewGuid().ToString("N") };
    }

    public async Task<IActionResult> OnPostAsync([Bind(Prefix = "Order")] OrderInput order, CancellationToken ct)
    {
        Order = order;
        await LoadAsync(ct);
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
        if (Order.Payment == PaymentChoice.Card && !card.IsAvailable)
        {
            ModelState.AddModelError("Order.Payment", T["Le paiement en ligne par carte n'est pas encore proposé : réglez à l'accueil ou par virement."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await once.TryClaimOnceAsync("order:" + UserId, Order.Token, ct))
        {
            Notice = T["Cette commande est déjà enregistrée (formulaire envoyé deux fois)."];
            return Redirect("/mes-droits");
        }
        var result = await sales.OrderAsync(new SaleRequest(Order.ProductId!.Value, UserId, Order.Quantity!.Value), ct);
        if (!result.Succeeded)
        {
            if (result.Conflict is { } conflict)
            {
                ModelState.AddModelError("Order.ProductId", T[conflict.Message, conflict.Args(Format.Euros)]);
            }
            foreach (var (field, message) in result.Problems)
            {
                ModelState.AddModelError(field == "quantity" ? "Order.Quantity" : "Order.ProductId", T[message]);
            }
            Order.Token = Guid.NewGuid().ToString("N");
            return Page();
        }
        var invoice = result.Invoice!;
        if (Order.Payment == PaymentChoice.Card)
        {
            return Redirect((await card.StartAsync(invoice, new Uri($"{Request.Scheme}://{Request.Host}/mes-droits"), ct)).ToString());
        }
        Notice = Order.Payment == PaymentChoice.Transfer
            ? T["Commande enregistrée : facture {0} de {1}, à régler par virement avec le numéro de facture en référence. Vos journées sont disponibles dès maintenant.", invoice.Number, Format.Euros(invoice.TotalInclTaxCents)]
            : T["Commande enregistrée : facture {0} de {1}, à régler à l'accueil. Vos journées sont disponibles dès maintenant.", invoice.Number, Format.Euros(invoice.TotalInclTaxCents)];
        return Redirect("/mes-droits");
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
