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
            builder.Services.AddDbContextPool<AppDbContext, PostgresAppDbContext>((sp, o) => o.UseNpgsql(cs).AddInterceptors(sp.GetServices<IInterceptor>()));
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
