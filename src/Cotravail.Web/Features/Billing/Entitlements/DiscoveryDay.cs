using Cotravail.Web.Features.Billing.Products;

namespace Cotravail.Web.Features.Billing.Entitlements;

/// <summary>
/// The one free discovery day of a person: the row's key (the account) and the unique <see cref="EmailKey"/> (the
/// person's address as <see cref="DiscoveryKey"/> reads it) make it once, whatever the race and however many
/// accounts or address aliases the person holds.
/// </summary>
public sealed class DiscoveryDay
{
    public string UserId { get; set; } = "";
    public int BookingId { get; set; }
    public DateTime TakenAtUtc { get; set; }

    /// <summary>The member's address when the day was taken, normalised (<see cref="DiscoveryKey.Of"/>); emptied when the account is erased.</summary>
    public string? EmailKey { get; set; }
}
