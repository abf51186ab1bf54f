using Microsoft.AspNetCore.OutputCaching;

namespace Cotravail.Web.Features.Booking;

/// <summary>
/// Public availability is read far more often than it changes: anonymous answers are kept 2 seconds per URL and
/// dropped at once when this instance books or cancels. Another instance may show counts up to 2 seconds old;
/// the booking itself is always decided by the database (ADR 0006).
/// </summary>
public static class AvailabilityCache
{
    public const string Tag = "availability";

    public static void Policy(OutputCachePolicyBuilder policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        policy.Expire(TimeSpan.FromSeconds(2)).SetVaryByQuery("from", "to").Tag(Tag);
    }

    public static Task ChangedAsync(IOutputCacheStore cache, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cache);
        return cache.EvictByTagAsync(Tag, ct).AsTask();
    }
}
