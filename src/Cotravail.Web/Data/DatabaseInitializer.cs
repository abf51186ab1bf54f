using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cotravail.Web.Data;

/// <summary>
/// Applies migrations (unless <c>Database:MigrateOnStart</c> is false) and seeds the demo network
/// (unless <c>Demo:Enabled</c> is false) before the server starts listening. Several instances starting at once
/// take turns under one <see cref="DatabaseLock"/>: the first migrates and seeds, the others find it done.
/// </summary>
public static partial class DatabaseInitializer
{
    public static async Task InitializeDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await InitializeAsync(app, cancellationToken);
        // What the start left behind (migrations, the demo's year when it was just written: over 100 MiB) goes back to
        // the system now, rather than staying in the heap until as much is allocated again (bench/BENCHMARKS.md,
        // « Memory »). Not in the test hosts, which share one process and start often.
        if (!app.Environment.IsEnvironment("Testing"))
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    private static async Task InitializeAsync(WebApplication app, CancellationToken cancellationToken)
    {
        var config = app.Configuration;
        var logger = app.Logger;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (config.GetValue("Database:MigrateOnStart", true))
        {
            await EnsureDatabaseExistsAsync(db, cancellationToken);
        }
        await using var turn = await DatabaseLock.AcquireAsync(db, "initialize", cancellationToken);
        if (config.GetValue("Database:MigrateOnStart", true))
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // Readers do not wait for the writer; the busy timeout serialises writers.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            await Features.Audit.AuditTable.ProtectAsync(db, cancellationToken);
            await Features.Accounts.UserNameKeys.BackfillAsync(db, cancellationToken);
            LogMigrated(logger, db.Database.ProviderName ?? "?");
        }
        await Features.Observatory.Aggregates.ObservatoryAggregates.EnsureAsync(db, cancellationToken);
        if (config.GetValue("Demo:Enabled", true))
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoData>();
            // The demo data is not anyone's doing: it stays out of the audit log.
            using (Features.Audit.AuditActor.Suppress())
            {
                await seeder.SeedAsync(cancellationToken);
            }
        }
        // The data-protection key ring is read (and, on a new database, its first key created) under the lock too:
        // instances starting together then share one key rather than each making its own.
        scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("Cotravail.Start").Protect([1]);
    }

    /// <summary>The lock needs the database: create the empty PostgreSQL database first (another instance may win the race).</summary>
    private static async Task EnsureDatabaseExistsAsync(AppDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(ct))
        {
            return;
        }
        try
        {
            await creator.CreateAsync(ct);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState is Npgsql.PostgresErrorCodes.DuplicateDatabase or Npgsql.PostgresErrorCodes.UniqueViolation)
        {
            // created by another instance meanwhile
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Provider}).")]
    private static partial void LogMigrated(ILogger logger, string provider);
}
