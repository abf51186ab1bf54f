using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Common.Security.RateLimiting;

/// <summary>
/// Removes the counters whose window has ended for every policy: the next attempt from that address or account starts
/// a new window at 1 anyway, so the table keeps only the partitions seen lately. Deleting ended windows is harmless to
/// repeat, so every instance may run it.
/// </summary>
public sealed class RateLimitCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RateLimitCleanup> logger)
    : PeriodicWorker(scopes, clock, logger)
{
    public static Task<int> DeleteEndedAsync(AppDbContext db, DbRateLimiter limiter, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(limiter);
        var longest = RateLimitPolicies.Defaults.Keys.Max(name => limiter.PolicyFor(name).Window);
        var before = (now - longest).ToUnixTimeSeconds();
        return db.Set<RateLimitCounter>().Where(c => c.Window < before).ExecuteDeleteAsync(ct);
    }

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override string Job => "the removal of ended rate-limit windows";

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        DeleteEndedAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<DbRateLimiter>(), Clock.GetUtcNow(), ct);
}
