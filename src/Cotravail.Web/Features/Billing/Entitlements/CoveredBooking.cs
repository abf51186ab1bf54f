using Cotravail.Web.Features.Billing.Products;

namespace Cotravail.Web.Features.Billing.Entitlements;

/// <summary>A booking placed at no charge: by an entitlement's day, or as the member's discovery day.</summary>
public sealed class CoveredBooking
{
    public int BookingId { get; set; }
    public int? EntitlementId { get; set; }
    public bool IsDiscovery { get; set; }

    /// <summary>Set when a cancellation gave the day back.</summary>
    public DateTime? ReturnedAtUtc { get; set; }
}
