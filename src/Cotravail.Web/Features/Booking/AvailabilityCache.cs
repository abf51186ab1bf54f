using Microsoft.AspNetCore.OutputCaching;

namespace Cotravail.Web.Features.Booking;

/// <summary>
/// Public availability is read far more often than it changes: answers are kept 2 seconds per URL and dropped at once
/// when this instance books or cancels. Another instance may show counts up to 2 seconds old; the booking itself is
/// always decided by the database (ADR 0006). The answer is the same for everyone (no person, no language in it), so
/// signed-in requests share it too (ADR 0019) — which ASP.NET Core's default policy would refuse.
/// </summary>
public static class AvailabilityCache
{
    public const string Tag = "availability";

    public static void Policy(OutputCachePolicyBuilder policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        policy.AddPolicy<SameForEveryone>().Expire(TimeSpan.FromSeconds(2)).SetVaryByQuery("from", "to").Tag(Tag);
    }

    public static Task ChangedAsync(IOutputCacheStore cache, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cache);
        return cache.EvictByTagAsync(Tag, ct).AsTask();
    }

    /// <summary>
    /// The default policy without its refusal of signed-in requests: GET and HEAD only, and only a 200 answer that sets no
    /// cookie is stored.
    /// </summary>
    internal sealed class SameForEveryone : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            ArgumentNullException.ThrowIfNull(context);
            var method = context.HttpContext.Request.Method;
            var readOnly = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = readOnly;
            context.AllowCacheStorage = readOnly;
            context.AllowLocking = true;
            context.CacheVaryByRules.QueryKeys = "*";
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            ArgumentNullException.ThrowIfNull(context);
            var response = context.HttpContext.Response;
            if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
            {
                context.AllowCacheStorage = false;
            }
            return ValueTask.CompletedTask;
        }
    }
}
