using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Common.Idempotency;

/// <summary>
/// Forgets the answers kept for retries after a week (a client retries within minutes). Deleting old rows is harmless
/// to repeat, so every instance may run it.
/// </summary>
public sealed class IdempotencyCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdempotencyCleanup> logger)
    : PeriodicWorker(scopes, clock, logger)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(7);

    public static Task<int> DeleteExpiredAsync(AppDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var before = nowUtc - KeptFor;
        return db.IdempotencyRecords.Where(r => r.CreatedAtUtc < before).ExecuteDeleteAsync(ct);
    }

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override string Job => "the removal of old idempotency records";

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        DeleteExpiredAsync(services.GetRequiredService<AppDbContext>(), Clock.GetUtcNow().UtcDateTime, ct);
}
