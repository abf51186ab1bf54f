using Microsoft.Data.Sqlite;

namespace Cotravail.Web.Data.Commands;

/// <summary>
/// Maintenance commands run instead of the server: <c>dotnet Cotravail.Web.dll COMMAND [options]</c>. They read the same
/// settings as the server (<c>Database:Provider</c>, <c>ConnectionStrings:…</c>); the exit code is 0 on success.
/// <list type="bullet">
/// <item><c>backup --to FILE</c>: an online copy of the SQLite database (the app may keep running).</item>
/// <item><c>restore --from FILE [--force]</c>: puts a SQLite backup in place (app stopped); refuses a database that holds data unless <c>--force</c>.</item>
/// <item><c>copy-to-postgres [--from SQLITE-CS] [--to POSTGRES-CS]</c>: copies everything into an empty PostgreSQL database and checks it.</item>
/// <item><c>bench-data --users N --password P</c>: a load-test network (see bench/).</item>
/// <item><c>observatory-suspend</c>: drops the observatory's triggers before a bulk load (bench/national.sh).</item>
/// <item><c>observatory-rebuild</c>: recomputes the observatory's counters from the source tables and reinstalls the triggers.</item>
/// </list>
/// PostgreSQL is backed up with its own tools: <c>ops/backup-postgres.sh</c> and <c>ops/restore-postgres.sh</c>.
/// </summary>
public static class CommandLine
{
    public static readonly IReadOnlyList<string> Known = ["backup", "restore", "copy-to-postgres", "bench-data", "observatory-suspend", "observatory-rebuild"];

    /// <summary>True when the arguments named a command, which has then run (its exit code set): the caller exits.</summary>
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return false;
        }
        try
        {
            Environment.ExitCode = args[0] switch
            {
                "backup" => await BackupAsync(app.Configuration, args),
                "restore" => await RestoreAsync(app.Configuration, args),
                "copy-to-postgres" => await CopyAsync(app.Configuration, args),
                "bench-data" => await BenchAsync(app, args),
                "observatory-suspend" or "observatory-rebuild" => await ObservatoryAsync(app, args[0]),
                _ => Fail($"Unknown command '{args[0]}'. Known: {string.Join(", ", Known)}."),
            };
        }
        catch (Exception e) when (e is CopyRefusedException or InvalidDataException or ArgumentException or SqliteException or Npgsql.NpgsqlException)
        {
            Environment.ExitCode = Fail(e.Message);
        }
        return true;
    }

    private static async Task<int> BackupAsync(IConfiguration config, string[] args)
    {
        var file = Option(args, "--to") ?? throw new ArgumentException("backup: --to FILE is required.");
        var cs = SqliteOnly(config, "backup");
        await SqliteBackup.BackupAsync(cs, file);
        Console.WriteLine($"Backup written to {Path.GetFullPath(file)}.");
        return 0;
    }

    private static async Task<int> RestoreAsync(IConfiguration config, string[] args)
    {
        var file = Option(args, "--from") ?? throw new ArgumentException("restore: --from FILE is required.");
        var cs = SqliteOnly(config, "restore");
        switch (await SqliteBackup.RestoreAsync(file, cs, args.Contains("--force")))
        {
            case RestoreOutcome.NoBackup:
                return Fail($"restore: {file} does not exist.");
            case RestoreOutcome.TargetNotEmpty:
                return Fail("restore: the database already holds data; nothing was changed. Add --force to replace it (take a backup of it first).");
            default:
                Console.WriteLine($"Restored {Path.GetFullPath(file)}. Start Cotravail: it applies any newer migrations.");
                return 0;
        }
    }

    private static async Task<int> CopyAsync(IConfiguration config, string[] args)
    {
        var from = Option(args, "--from") ?? config.GetConnectionString(DataModule.Sqlite) ?? "Data Source=data/cotravail.db";
        var to = Option(args, "--to") ?? config.GetConnectionString(DataModule.Postgres);
        if (string.IsNullOrWhiteSpace(to))
        {
            throw new ArgumentException("copy-to-postgres: --to \"<PostgreSQL connection string>\" is required.");
        }
        var file = new SqliteConnectionStringBuilder(from).DataSource;
        if (!File.Exists(file))
        {
            return Fail($"copy-to-postgres: {file} does not exist.");
        }
        var reports = await DatabaseCopy.CopyAsync(from, to, Console.Out);
        Console.WriteLine(DatabaseCopy.Format(reports));
        return reports.All(r => r.Matches) ? 0 : 3;
    }

    private static async Task<int> BenchAsync(WebApplication app, string[] args)
    {
        await app.InitializeDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var users = int.Parse(Option(args, "--users") ?? "200", System.Globalization.CultureInfo.InvariantCulture);
        var password = Option(args, "--password") ?? throw new ArgumentException("--password is required");
        var seeded = await BenchData.SeedAsync(scope.ServiceProvider, users, password);
        Console.WriteLine($"bench site {seeded.SiteId}, desk pool {seeded.DeskPoolId}, {users} users bench-N@cotravail.test");
        return 0;
    }

    private static async Task<int> ObservatoryAsync(WebApplication app, string command)
    {
        await app.InitializeDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        if (command == "observatory-suspend")
        {
            await Features.Observatory.Aggregates.ObservatoryAggregates.SuspendAsync(db);
        }
        else if (Features.Observatory.Aggregates.ObservatoryAggregates.LastRebuild is null)
        {
            await Features.Observatory.Aggregates.ObservatoryAggregates.RebuildAsync(db);
        }
        var took = Features.Observatory.Aggregates.ObservatoryAggregates.LastRebuild ?? watch.Elapsed;
        Console.WriteLine($"{command}: {took.TotalSeconds:0.0} s");
        return 0;
    }

    private static string SqliteOnly(IConfiguration config, string command)
    {
        var provider = config["Database:Provider"] ?? DataModule.Sqlite;
        if (!string.Equals(provider, DataModule.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"{command}: this command is for SQLite. With PostgreSQL use ops/{command}-postgres.sh (pg_dump / pg_restore).");
        }
        return config.GetConnectionString(DataModule.Sqlite) ?? "Data Source=data/cotravail.db";
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
