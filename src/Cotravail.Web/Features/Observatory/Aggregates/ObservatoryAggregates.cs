using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Observatory.Aggregates;

/// <summary>
/// Installs the counters' triggers at start (idempotent, once across instances on PostgreSQL thanks to an advisory
/// lock) and rebuilds the counters from the source tables when the triggers are new or changed (ADR 0016).
/// </summary>
public static class ObservatoryAggregates
{
    private const long LockKey = 0x0B5E_47A7;

    /// <summary>How long the last rebuild of the counters took in this process (null: none yet).</summary>
    public static TimeSpan? LastRebuild { get; private set; }

    public static async Task EnsureAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pg = db.Database.IsNpgsql();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (pg)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
        }
        var state = await db.Set<AggregateState>().FirstOrDefaultAsync(s => s.Id == 1, ct);
        if (state?.Version == AggregateSql.Version)
        {
            return;
        }
        await InstallAsync(db, pg, ct);
        await RebuildCountersAsync(db, pg, ct);
        if (state is null)
        {
            db.Add(new AggregateState { Id = 1, Version = AggregateSql.Version });
        }
        else
        {
            state.Version = AggregateSql.Version;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Drops the triggers so that a bulk load does not pay for them row by row; <see cref="RebuildAsync"/> then puts
    /// them back and computes every counter in one pass.
    /// </summary>
    public static async Task SuspendAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var drops = db.Database.IsNpgsql() ? AggregateSql.PostgresDropTriggers
            : [.. AggregateSql.SqliteTriggerNames.Select(n => $"DROP TRIGGER IF EXISTS \"{n}\"")];
        foreach (var sql in drops)
        {
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
        await db.Set<AggregateState>().ExecuteDeleteAsync(ct);
    }

    /// <summary>Recomputes every counter from the source tables (writers wait meanwhile) and reinstalls the triggers.</summary>
    public static async Task RebuildAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Set<AggregateState>().ExecuteDeleteAsync(ct);
        await EnsureAsync(db, ct);
    }

    private static async Task InstallAsync(AppDbContext db, bool pg, CancellationToken ct)
    {
        if (!pg)
        {
            foreach (var name in AggregateSql.SqliteTriggerNames)
            {
                var drop = $"DROP TRIGGER IF EXISTS \"{name}\"";
                await db.Database.ExecuteSqlRawAsync(drop, ct);
            }
        }
        foreach (var sql in pg ? AggregateSql.PostgresTriggers() : AggregateSql.SqliteTriggers())
        {
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
    }

    private static async Task RebuildCountersAsync(AppDbContext db, bool pg, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1)); // ten million visits are read once
        if (pg)
        {
            // Writers of the source tables wait until the counters are consistent with them.
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"Visits\", \"DeskDays\", \"InvoiceLine\", \"Invoices\" IN SHARE MODE", ct);
        }
        foreach (var sql in AggregateSql.Rebuild(pg))
        {
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
        db.Database.SetCommandTimeout(timeout);
        LastRebuild = watch.Elapsed;
    }
}
