using Cotravail.Web.Data;
using Cotravail.Web.Features.Billing.Products;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Entitlements;

/// <summary>
/// What a member's online order would be, shown before it is placed: the product, the price for the member's validated
/// categories, the dates, the sites where the days are used, the network's bank details, and why it would be refused.
/// </summary>
public sealed record OrderSummary(
    Product Product, Site Site, Network Network, int Quantity, int UnitPriceCents, int TotalCents,
    IReadOnlyList<(DateOnly StartsOn, DateOnly ExpiresOn)> Periods, IReadOnlyList<string> Sites, OrderRefusal? Refusal)
{
    /// <summary>The member's validated category lowers the price.</summary>
    public bool Reduced => UnitPriceCents < Product.PriceCents;

    /// <summary>A transfer can be offered: the network has its bank details.</summary>
    public bool TransferPossible => !string.IsNullOrEmpty(Network.Iban);
}

/// <summary>Builds the summary of an order (nothing is written), with the rules <see cref="Sales.OrderAsync"/> applies.</summary>
public sealed class OrderPreview(AppDbContext db, Sales sales, TimeProvider clock)
{
    /// <summary>The summary, or the French problems by field (<c>productId</c>, <c>quantity</c>) when the choice cannot be ordered online.</summary>
    public async Task<(OrderSummary? Summary, IReadOnlyDictionary<string, string> Problems)> PreviewAsync(
        string userId, int? productId, int? quantity, CancellationToken ct)
    {
        var problems = new Dictionary<string, string>();
        Product? product = null;
        if (productId is not { } id)
        {
            problems["productId"] = "Choisissez un carnet ou un abonnement.";
        }
        else
        {
            (product, var problem) = await sales.FindBuyableAsync(id, ct);
            if (product is null)
            {
                problems["productId"] = problem!;
            }
            else if (!product.Kind.GivesDays())
            {
                problems["productId"] = "En ligne, on commande un carnet ou un abonnement ; le reste se règle à l'accueil.";
            }
        }
        if (quantity is not { } count)
        {
            problems["quantity"] = "Indiquez la quantité.";
        }
        else if (Sales.QuantityProblem(count) is { } q)
        {
            problems["quantity"] = q;
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        var site = product!.Site!;
        var network = await db.Networks.AsNoTracking().FirstAsync(n => n.Id == site.NetworkId, ct);
        var unit = product.PriceFor(await ProductPrices.CategoriesAsync(db, userId, network.Id, ct));
        var total = InvoiceMath.Line(new LineRequest(product.Name, quantity!.Value, unit, network.VatRateBasisPoints), 1).TotalInclTaxCents;
        var periods = OrderRules.Periods(product.Kind, product.ValidityMonths, quantity.Value, SiteClock.Today(site, clock));
        // The days of a carnet or a subscription are used in every site of its network.
        var sites = await db.Sites.AsNoTracking().Where(s => s.NetworkId == network.Id && !s.IsArchived)
            .OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(ct);
        var refusal = OrderRules.Refusal(await sales.UnpaidOrdersAsync(userId, network.Id, ct), product.Id, network.UnpaidOrdersCapCents, total);
        return (new OrderSummary(product, site, network, quantity.Value, unit, total, periods, sites, refusal), problems);
    }
}
