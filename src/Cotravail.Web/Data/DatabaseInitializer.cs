using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Data;

/// <summary>
/// Applies migrations (unless <c>Database:MigrateOnStart</c> is false) and seeds the demo network
/// (unless <c>Demo:Enabled</c> is false) before the server starts listening.
/// </summary>
public static partial class DatabaseInitializer
{
    public static async Task InitializeDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var config = app.Configuration;
        var logger = app.Logger;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (config.GetValue("Database:MigrateOnStart", true))
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // Readers do not wait for the writer; the busy timeout serialises writers.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            LogMigrated(logger, db.Database.ProviderName ?? "?");
        }
        await Features.Observatory.Aggregates.ObservatoryAggregates.EnsureAsync(db, cancellationToken);
        if (config.GetValue("Demo:Enabled", true))
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoData>();
            await seeder.SeedAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Provider}).")]
    private static partial void LogMigrated(ILogger logger, string provider);
}
