using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Production;

/// <summary>A test that needs a PostgreSQL server and its pg_dump / pg_restore: skipped, with the reason, without them.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresToolsFactAttribute : FactAttribute
{
    public PostgresToolsFactAttribute()
    {
        if (TestDatabase.PostgresServer is null)
        {
            Skip = $"needs PostgreSQL: set {TestDatabase.PostgresVariable} (./test.sh does)";
        }
        else if (BinFolder() is null)
        {
            Skip = "needs pg_dump and pg_restore (Debian's postgresql-client)";
        }
    }

    /// <summary>The newest /usr/lib/postgresql/N/bin holding pg_dump, or null.</summary>
    public static string? BinFolder() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "pg_dump")) && File.Exists(Path.Combine(d, "pg_restore")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
}
