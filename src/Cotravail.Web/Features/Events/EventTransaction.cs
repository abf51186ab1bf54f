using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events;

/// <summary>The outcome of a write on places: done, or refused by a unique key (the same e-mail address twice).</summary>
public enum WriteOutcome
{
    Done,
    Duplicate,
}

/// <summary>
/// Runs a change of places in one transaction (on SQLite behind the write queue). A unique key taken by a concurrent
/// request rolls everything back and answers <see cref="WriteOutcome.Duplicate"/>; a transient conflict is retried.
/// </summary>
public static class EventTransaction
{
    public static async Task<(WriteOutcome Outcome, T? Result)> RunAsync<T>(AppDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        for (var attempt = 1; ; attempt++)
        {
            using var gate = await WriteGate.EnterAsync(db, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var result = await work();
                await tx.CommitAsync(ct);
                return (WriteOutcome.Done, result);
            }
            catch (Exception e) when (DbErrors.IsUniqueViolation(e))
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return (WriteOutcome.Duplicate, default);
            }
            catch (Exception e) when (DbErrors.IsTransient(e) && attempt < 3)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
    }
}
