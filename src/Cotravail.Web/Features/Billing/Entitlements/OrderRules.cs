using Cotravail.Web.Features.Billing.Products;

namespace Cotravail.Web.Features.Billing.Entitlements;

/// <summary>The rules of a purchase that the summary shows before the order and the sale applies: dates, and the refusals of an online order.</summary>
public static class OrderRules
{
    /// <summary>
    /// The days each of <paramref name="quantity"/> entitlements runs, bought on <paramref name="today"/>: carnets all
    /// valid from today for their validity in months; a subscription for consecutive months.
    /// </summary>
    public static IReadOnlyList<(DateOnly StartsOn, DateOnly ExpiresOn)> Periods(ProductKind kind, int? validityMonths, int quantity, DateOnly today)
    {
        var periods = new List<(DateOnly, DateOnly)>();
        for (var i = 0; i < quantity; i++)
        {
            periods.Add(kind == ProductKind.Subscription
                ? (today.AddMonths(i), today.AddMonths(i + 1).AddDays(-1))
                : (today, today.AddMonths(validityMonths ?? 1).AddDays(-1)));
        }
        return periods;
    }

    /// <summary>
    /// Why an online order is refused, or null: an online order of the same product is still unpaid, or what the member
    /// owes on online orders plus <paramref name="totalCents"/> passes the network's cap.
    /// </summary>
    public static OrderRefusal? Refusal(IReadOnlyList<UnpaidOrder> unpaid, int productId, int? capCents, int totalCents)
    {
        ArgumentNullException.ThrowIfNull(unpaid);
        if (unpaid.FirstOrDefault(o => o.ProductIds.Contains(productId)) is { } same)
        {
            return new OrderRefusal(OrderRefusal.UnpaidSameProduct, InvoiceNumber: same.Number);
        }
        var owed = unpaid.Sum(o => o.DueCents);
        return capCents is { } cap && owed + totalCents > cap
            ? new OrderRefusal(OrderRefusal.OverCap, CapCents: cap, OwedCents: owed)
            : null;
    }
}
