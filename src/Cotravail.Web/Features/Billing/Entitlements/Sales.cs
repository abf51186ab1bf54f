using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Billing.Products;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Entitlements;

/// <summary>How an online order is to be paid.</summary>
public enum PaymentChoice
{
    AtDesk = 0,
    Transfer = 1,
    /// <summary>Online payment (card, or SEPA debit when offered): only when the network has a provider (<see cref="IOnlineCardPayment"/>).</summary>
    Card = 2,
}

/// <summary>An online order with something still due: its invoice, what is due, the products it bought.</summary>
public sealed record UnpaidOrder(int InvoiceId, string Number, int DueCents, IReadOnlyList<int> ProductIds);

/// <summary>A purchase: who buys which product, how many (carnets, or months of subscription).</summary>
public sealed record SaleRequest(int ProductId, string BuyerUserId, int Quantity);

public sealed record SaleResult(Invoice? Invoice, IReadOnlyList<Entitlement> Entitlements, IReadOnlyDictionary<string, string> Problems)
{
    public bool Succeeded => Invoice is not null;

    /// <summary>An online order the rules on unpaid orders refuse (a conflict with what the member already owes).</summary>
    public OrderRefusal? Conflict { get; init; }

    public static SaleResult Refused(string field, string message) => new(null, [], new Dictionary<string, string> { [field] = message });

    public static SaleResult Refused(OrderRefusal conflict) => new(null, [], new Dictionary<string, string>()) { Conflict = conflict };
}

/// <summary>Why an online order is refused: a French text (a localisation key) and its arguments (a number, amounts in cents).</summary>
public sealed record OrderRefusal(string Message, string? InvoiceNumber = null, int? CapCents = null, int? OwedCents = null)
{
    public const string UnpaidSameProduct =
        "Vous avez déjà commandé ce produit et sa facture {0} n'est pas encore réglée : réglez-la avant d'en commander un autre.";

    public const string OverCap =
        "Cette commande porterait vos commandes en ligne non réglées au-delà du plafond de {0} fixé par le réseau (il vous reste {1} à régler) : réglez d'abord ce qui est dû.";

    /// <summary>The arguments of <see cref="Message"/>, amounts written by <paramref name="euros"/>.</summary>
    public object[] Args(Func<int, string> euros)
    {
        ArgumentNullException.ThrowIfNull(euros);
        return Message == UnpaidSameProduct ? [InvoiceNumber ?? ""] : [euros(CapCents ?? 0), euros(OwedCents ?? 0)];
    }
}

/// <summary>
/// Sells products: one invoice per purchase (through <see cref="InvoiceIssuer"/>) and, for a carnet or a subscription,
/// the entitlements it gives, in one transaction — a failed sale leaves neither an invoice number nor days behind.
/// A member's order online starts the days at once; the invoice is then paid at reception, by transfer, or online when the network has a provider.
/// Online, a member has at most one unpaid order of a product, and owes at most the network's cap
/// (<see cref="Network.UnpaidOrdersCapCents"/>) on unpaid online orders: both are checked inside the order's
/// transaction, one order of a member at a time (an advisory lock on PostgreSQL, the write gate on SQLite).
/// </summary>
public sealed class Sales(AppDbContext db, InvoiceIssuer issuer, NetworkMembership membership, TimeProvider clock)
{
    public const int MaxQuantity = 12;

    /// <summary>The product, when it exists, is not archived and its site is open; otherwise the French reason.</summary>
    public async Task<(Product? Product, string? Problem)> FindBuyableAsync(int productId, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().Include(p => p.Site).FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null || product.Site!.IsArchived)
        {
            return (null, "Ce produit n'existe pas.");
        }
        return product.IsArchived ? (null, "Ce produit n'est plus en vente.") : (product, null);
    }

    public static string? QuantityProblem(int quantity) =>
        quantity is < 1 or > MaxQuantity ? $"La quantité va de 1 à {MaxQuantity}." : null;

    /// <summary>A sale at reception by <paramref name="soldBy"/> (the rules on unpaid online orders do not apply).</summary>
    public Task<SaleResult> SellAsync(SaleRequest request, string? soldBy, CancellationToken ct) => SellAsync(request, soldBy, online: false, ct);

    /// <summary>A member's own order online: refused (<see cref="SaleResult.Conflict"/>) when it breaks the rules on unpaid orders.</summary>
    public Task<SaleResult> OrderAsync(SaleRequest request, CancellationToken ct) => SellAsync(request, soldBy: null, online: true, ct);

    private async Task<SaleResult> SellAsync(SaleRequest request, string? soldBy, bool online, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (product, problem) = await FindBuyableAsync(request.ProductId, ct);
        if (product is null)
        {
            return SaleResult.Refused("productId", problem!);
        }
        if (QuantityProblem(request.Quantity) is { } quantity)
        {
            return SaleResult.Refused("quantity", quantity);
        }
        var buyer = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == request.BuyerUserId, ct);
        if (buyer is null)
        {
            return SaleResult.Refused("buyer", "Ce compte n'existe pas.");
        }
        var site = product.Site!;
        var network = await db.Networks.AsNoTracking().FirstAsync(n => n.Id == site.NetworkId, ct);
        var categories = await ProductPrices.CategoriesAsync(db, buyer.Id, site.NetworkId, ct);
        var unit = product.PriceFor(categories);
        var today = SiteClock.Today(site, clock);
        var entitlements = Entitlements(product, buyer.Id, request.Quantity, today, soldBy);
        var line = new LineRequest(Describe(product, site, entitlements), request.Quantity, unit, network.VatRateBasisPoints);

        for (var attempt = 1; ; attempt++)
        {
            using var gate = await WriteGate.EnterAsync(db, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                if (online && await RefusalAsync(buyer.Id, product.Id, network, line, ct) is { } refusal)
                {
                    await tx.RollbackAsync(CancellationToken.None);
                    return SaleResult.Refused(refusal);
                }
                var invoice = await issuer.IssueAsync(network.Id, Client(buyer), [line], InvoiceMentions.PlaceOfService(site), ct);
                foreach (var e in entitlements)
                {
                    e.InvoiceId = invoice.Id;
                }
                db.Entitlements.AddRange(entitlements);
                await db.SaveChangesAsync(ct);
                // The buyer belongs to the network from now on (ADR 0025).
                await membership.RecordAsync(buyer.Id, network.Id, ct);
                await tx.CommitAsync(ct);
                return new SaleResult(invoice, entitlements, new Dictionary<string, string>());
            }
            catch (Exception e) when (DbErrors.IsTransient(e) && attempt < 3)
            {
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                foreach (var x in entitlements)
                {
                    x.Id = 0;
                }
            }
        }
    }

    /// <summary>
    /// Inside the order's transaction, once no other order of the member can run: refused when an online order of the
    /// same product is still unpaid, or when what the member owes on online orders plus this one passes the cap.
    /// </summary>
    private async Task<OrderRefusal?> RefusalAsync(string userId, int productId, Network network, LineRequest line, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            var key = DatabaseLock.Key("order:" + userId);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
        }
        var unpaid = await UnpaidOrdersAsync(userId, network.Id, ct);
        return OrderRules.Refusal(unpaid, productId, network.UnpaidOrdersCapCents, InvoiceMath.Line(line, 1).TotalInclTaxCents);
    }

    /// <summary>The member's online orders in the network with something still due (credit notes and payments deducted).</summary>
    public async Task<IReadOnlyList<UnpaidOrder>> UnpaidOrdersAsync(string userId, int networkId, CancellationToken ct)
    {
        var orders = await db.Invoices.AsNoTracking()
            .Where(i => i.UserId == userId && i.NetworkId == networkId && i.Kind == InvoiceKind.Invoice
                && db.Entitlements.Any(e => e.InvoiceId == i.Id && e.SoldByUserId == null))
            .Select(i => new
            {
                i.Id, i.Number,
                Due = i.TotalInclTaxCents
                    - (db.Invoices.Where(c => c.CreditedInvoiceId == i.Id).Sum(c => (int?)c.TotalInclTaxCents) ?? 0)
                    - (db.Payments.Where(p => p.InvoiceId == i.Id).Sum(p => (int?)p.AmountCents) ?? 0),
            })
            .Where(o => o.Due > 0)
            .ToListAsync(ct);
        var ids = orders.Select(o => o.Id).ToList();
        var products = (await db.Entitlements.AsNoTracking().Where(e => ids.Contains(e.InvoiceId)).Select(e => new { e.InvoiceId, e.ProductId }).ToListAsync(ct))
            .ToLookup(e => e.InvoiceId, e => e.ProductId);
        return [.. orders.Select(o => new UnpaidOrder(o.Id, o.Number, o.Due, [.. products[o.Id].Distinct()]))];
    }

    private List<Entitlement> Entitlements(Product product, string userId, int quantity, DateOnly today, string? soldBy)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var list = new List<Entitlement>();
        if (!product.Kind.GivesDays())
        {
            return list;
        }
        // A carnet: N carnets valid from today. A subscription: N consecutive months.
        foreach (var (start, end) in OrderRules.Periods(product.Kind, product.ValidityMonths, quantity, today))
        {
            list.Add(new Entitlement
            {
                NetworkId = product.Site!.NetworkId, SiteId = product.SiteId, ProductId = product.Id, UserId = userId, Kind = product.Kind,
                Name = product.Name, Days = product.Days, StartsOn = start, ExpiresOn = end, CreatedAtUtc = now, SoldByUserId = soldBy,
            });
        }
        return list;
    }

    private static string Describe(Product product, Site site, IReadOnlyList<Entitlement> entitlements)
    {
        var text = $"{product.Name} – {site.Name}";
        if (entitlements.Count > 0)
        {
            var culture = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
            text += $" ({product.Terms()} ; du {Common.Format.Date(entitlements[0].StartsOn, culture)} au {Common.Format.Date(entitlements[^1].ExpiresOn, culture)})";
        }
        return text.Length > 300 ? text[..300] : text;
    }

    private static ClientIdentity Client(AppUser user) => new(user.Id, user.DisplayName, null, user.Email);
}

/// <summary>
/// The seam for paying an invoice online: the network's provider (PayFiP or Stripe, <see cref="Online.OnlinePayments"/>).
/// Without one, <see cref="IsAvailableAsync"/> is false and orders are paid at reception or by transfer.
/// </summary>
public interface IOnlineCardPayment
{
    /// <summary>The network has a provider set, so its invoices can be paid online.</summary>
    Task<bool> IsAvailableAsync(int networkId, CancellationToken ct);

    /// <summary>Starts paying what is due on the member's invoice; the provider's page to send them to, or null when it cannot start.</summary>
    Task<Uri?> StartAsync(Invoice invoice, CancellationToken ct);
}
