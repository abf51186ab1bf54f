using Microsoft.Data.Sqlite;

namespace Cotravail.Web.Data.Commands;

/// <summary>
/// Online backup and restore of the SQLite database through SQLite's backup API: the copy is consistent even while
/// the app keeps writing (each step copies pages under a read lock and restarts if a page changed meanwhile).
/// </summary>
public static class SqliteBackup
{
    /// <summary>Copies the database of <paramref name="connectionString"/> into <paramref name="file"/> (replaced if it exists).</summary>
    public static async Task BackupAsync(string connectionString, string file, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        var database = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (!File.Exists(database))
        {
            throw new InvalidDataException($"{database} does not exist: nothing to back up.");
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        var target = Path.GetFullPath(file) + ".partial";
        File.Delete(target);
        await using (var source = new SqliteConnection(NoPool(connectionString)))
        await using (var destination = new SqliteConnection(Plain(target)))
        {
            await source.OpenAsync(ct);
            await destination.OpenAsync(ct);
            source.BackupDatabase(destination);
            await using var mode = destination.CreateCommand();
            mode.CommandText = "PRAGMA journal_mode=DELETE;"; // one self-contained file
            await mode.ExecuteNonQueryAsync(ct);
        }
        SqliteConnection.ClearAllPools();
        await CheckAsync(target, ct);
        File.Move(target, file, overwrite: true);
    }

    /// <summary>
    /// Puts the backup <paramref name="file"/> in place of the database of <paramref name="connectionString"/>.
    /// Refuses (returns false, nothing changed) when that database already holds data, unless <paramref name="force"/>.
    /// </summary>
    public static async Task<RestoreOutcome> RestoreAsync(string file, string connectionString, bool force, CancellationToken ct = default)
    {
        if (!File.Exists(file))
        {
            return RestoreOutcome.NoBackup;
        }
        await CheckAsync(file, ct);
        if (!force && await HoldsDataAsync(connectionString, ct))
        {
            return RestoreOutcome.TargetNotEmpty;
        }
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        await using (var source = new SqliteConnection(ReadOnly(Plain(file))))
        await using (var destination = new SqliteConnection(NoPool(connectionString)))
        {
            await source.OpenAsync(ct);
            await destination.OpenAsync(ct);
            // Replaces every page of the target in one step, under its write lock.
            source.BackupDatabase(destination);
        }
        SqliteConnection.ClearAllPools();
        return RestoreOutcome.Restored;
    }

    /// <summary>True when the database has any table of Cotravail with a row (an absent or new file holds nothing).</summary>
    public static async Task<bool> HoldsDataAsync(string connectionString, CancellationToken ct = default)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return false;
        }
        await using var connection = new SqliteConnection(NoPool(connectionString));
        await connection.OpenAsync(ct);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'";
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                tables.Add(reader.GetString(0));
            }
        }
        foreach (var table in tables)
        {
            await using var any = connection.CreateCommand();
            any.CommandText = $"SELECT EXISTS (SELECT 1 FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\")";
            if (Convert.ToInt64(await any.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 1)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A backup must be an intact SQLite file of Cotravail (its migrations table is there).</summary>
    private static async Task CheckAsync(string file, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(ReadOnly(Plain(file)));
        await connection.OpenAsync(ct);
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA quick_check;";
        var result = (string?)await check.ExecuteScalarAsync(ct);
        check.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
        var ours = Convert.ToInt64(await check.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 1;
        if (result != "ok" || !ours)
        {
            throw new InvalidDataException($"{file} is not an intact Cotravail SQLite database ({result}).");
        }
    }

    private static string Plain(string file) => new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString;

    private static string NoPool(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    private static string ReadOnly(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString;
}

public enum RestoreOutcome
{
    Restored,
    NoBackup,
    TargetNotEmpty,
}
