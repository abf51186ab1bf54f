using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Booking;

/// <summary>
/// How a booking is paid for, as booking needs it: billing implements it with the member's carnets, subscriptions,
/// reduced prices and discovery day. Booking calls it inside its own transaction and never reads billing's tables.
/// </summary>
public interface IBookingCover
{
    /// <summary>Takes what pays for the plan: the discovery day when asked for, else a day of a subscription or carnet, else the price.</summary>
    Task<Cover> TakeAsync(string userId, BookingPlan plan, bool discovery, CancellationToken ct);

    /// <summary>Records how the saved booking was covered; false when the discovery day went to another booking at the same moment.</summary>
    Task<bool> RecordAsync(Booking booking, Cover cover, CancellationToken ct);

    Task GiveBackAfterCancellationAsync(Booking booking, bool late, CancellationToken ct);

    Task GiveBackAfterNoShowAsync(Booking booking, CancellationToken ct);

    /// <summary>The name of what a booking would use, for the confirmation screen (nothing is taken), or null.</summary>
    Task<string?> PreviewAsync(string userId, int networkId, ResourceKind kind, DateOnly date, CancellationToken ct);

    Task<bool> HasUsedDiscoveryAsync(string userId, CancellationToken ct);

    /// <summary>
    /// For PostgreSQL's one-batch desk booking: an SQL condition, true when the member has nothing to take in the network
    /// on the day; <paramref name="user"/>, <paramref name="network"/> and <paramref name="date"/> name the statement's parameters.
    /// </summary>
    string PostgresNothingToTake(string user, string network, string date);
}
