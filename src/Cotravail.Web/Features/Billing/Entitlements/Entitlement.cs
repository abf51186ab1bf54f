using Cotravail.Web.Features.Billing.Products;

namespace Cotravail.Web.Features.Billing.Entitlements;

/// <summary>
/// Days a member may still use, from a carnet or a month of subscription, in every site of the network it was bought
/// in, from <see cref="StartsOn"/> to <see cref="ExpiresOn"/> (inclusive). <see cref="Used"/> only moves through a
/// conditional update in the database (<c>Used &lt; Days</c>), so two bookings at once never use the same last day.
/// </summary>
public sealed class Entitlement
{
    public int Id { get; set; }
    public int NetworkId { get; set; }
    public int SiteId { get; set; }
    public int ProductId { get; set; }
    public string UserId { get; set; } = "";
    public ProductKind Kind { get; set; }

    /// <summary>The product's name when bought (kept when the product changes).</summary>
    public string Name { get; set; } = "";

    /// <summary>Days it gives; null for an unlimited subscription.</summary>
    public int? Days { get; set; }
    public int Used { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly ExpiresOn { get; set; }
    public int InvoiceId { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The host who sold it at reception; null when the member ordered it online.</summary>
    public string? SoldByUserId { get; set; }

    /// <summary>
    /// Days a credit note took back (<see cref="WithdrawnByInvoiceId"/>): <see cref="Days"/> was lowered by that much (a carnet,
    /// a subscription of N days) or <see cref="ExpiresOn"/> brought forward by that many days (an unlimited subscription).
    /// </summary>
    public int WithdrawnDays { get; set; }
    public int? WithdrawnByInvoiceId { get; set; }

    public DateTime? ExpiryReminderSentAtUtc { get; set; }
    public DateTime? ExpiryReminderClaimedUntilUtc { get; set; }
    public Guid? ExpiryReminderClaimId { get; set; }

    public int? Remaining => Days is { } d ? Math.Max(0, d - Used) : null;

    public bool IsUsableOn(DateOnly day) => StartsOn <= day && day <= ExpiresOn && (Days is null || Used < Days);
}
