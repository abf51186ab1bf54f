using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cotravail.Web.Data;

public static class DataModule
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>Chooses the database from configuration alone: <c>Database:Provider</c> = Sqlite (default) or Postgres.</summary>
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var provider = config["Database:Provider"] ?? Sqlite;
        if (string.Equals(provider, Postgres, StringComparison.OrdinalIgnoreCase))
        {
            var cs = config.GetConnectionString(Postgres);
            if (string.IsNullOrWhiteSpace(cs))
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is empty.");
            }
            var postgres = WithPoolDefaults(cs);
            builder.Services.AddDbContextPool<AppDbContext, PostgresAppDbContext>((sp, o) => o.UseNpgsql(postgres).AddInterceptors(sp.GetServices<IInterceptor>()));
        }
        else if (string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            var cs = config.GetConnectionString(Sqlite) ?? "Data Source=data/cotravail.db";
            EnsureSqliteFolder(cs);
            builder.Services.AddDbContextPool<AppDbContext, SqliteAppDbContext>((sp, o) => o.UseSqlite(cs).AddInterceptors(sp.GetServices<IInterceptor>()));
        }
        else
        {
            throw new InvalidOperationException($"Unknown Database:Provider '{provider}': use Sqlite or Postgres.");
        }
        builder.Services.AddScoped<DemoData>();
        builder.Services.AddScoped<DemoActivity>();
        builder.Services.AddSingleton<DemoLogins>();
        return builder;
    }

    /// <summary>
    /// Two Npgsql settings the booking load needs, each kept when the connection string says it itself:
    /// <list type="bullet">
    /// <item><c>Max Auto Prepare</c> (100): statements a connection runs again and again are prepared on the server once,
    /// so PostgreSQL stops parsing and planning every booking's statements (ADR 0022); 0 behind a PgBouncer older than
    /// 1.21 in transaction mode.</item>
    /// <item><c>No Reset On Close</c> (true): a connection given back to the pool is not reset with seven statements
    /// (RESET ALL, UNLISTEN *…) sent ahead of its next query. Cotravail leaves nothing in a pooled session (no SET, no
    /// temporary table, no LISTEN; its session advisory locks take a connection outside the pool), so there is nothing
    /// to reset (ADR 0024).</item>
    /// </list>
    /// </summary>
    public static string WithPoolDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var keys = given.Keys.Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToList();
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!keys.Contains("MaxAutoPrepare", StringComparer.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = AutoPrepared;
        }
        if (!keys.Contains("NoResetOnClose", StringComparer.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    /// <summary>How many distinct statements each connection keeps prepared: the app's hot statements, with room.</summary>
    public const int AutoPrepared = 100;

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:" || file.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
