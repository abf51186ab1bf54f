using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Common.Idempotency;

/// <summary>
/// Forgets the answers kept for retries after a week (a client retries within minutes). Deleting old rows is harmless
/// to repeat, so every instance may run it.
/// </summary>
public sealed partial class IdempotencyCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdempotencyCleanup> logger) : BackgroundService
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(7);

    public static Task<int> DeleteExpiredAsync(AppDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var before = nowUtc - KeptFor;
        return db.IdempotencyRecords.Where(r => r.CreatedAtUtc < before).ExecuteDeleteAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromHours(1), clock, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await DeleteExpiredAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), clock.GetUtcNow().UtcDateTime, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the database may be away for a moment: the next run tries again
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removing old idempotency records failed; the next run tries again.")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
