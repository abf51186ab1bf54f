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
            var postgres = WithAutoPrepare(cs);
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
    /// Statements a connection runs again and again are prepared on the server once (Npgsql's automatic preparation),
    /// so PostgreSQL stops parsing and planning every booking's statements: its CPU per booking halves (ADR 0022).
    /// A connection string that says <c>Max Auto Prepare</c> itself (0 behind a PgBouncer older than 1.21 in
    /// transaction mode) keeps its value.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }
        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = AutoPrepared }.ConnectionString;
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
