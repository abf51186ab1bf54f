using Microsoft.Data.Sqlite;
using Npgsql;

namespace Cotravail.Tests.Infrastructure;

/// <summary>
/// A database for one test: a new SQLite file, or a new database on the PostgreSQL server named by
/// <c>COTRAVAIL_TEST_POSTGRES</c> (a connection string; the test command starts that server). Empty from
/// <see cref="CreateAsync"/>, or a copy of a template from <see cref="CopyAsync"/> (see <see cref="TemplateDatabases"/>).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "COTRAVAIL_TEST_POSTGRES";

    private readonly string? _sqliteFile;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    public string Provider { get; }
    public string ConnectionString { get; }

    private TestDatabase(string provider, string connectionString, string? sqliteFile, string? admin, string? name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
        _postgresAdmin = admin;
        _postgresName = name;
    }

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    /// <summary>The providers to test on: SQLite always, PostgreSQL when the test command provides a server.</summary>
    public static TheoryData<string> Providers()
    {
        var data = new TheoryData<string> { "Sqlite" };
        if (PostgresServer is not null)
        {
            data.Add("Postgres");
        }
        return data;
    }

    /// <summary>A new, empty database.</summary>
    public static Task<TestDatabase> CreateAsync(string provider) => NewAsync(provider, template: null);

    /// <summary>A new database holding what <paramref name="template"/> holds (which nothing may use meanwhile: see <see cref="FreezeAsync"/>).</summary>
    public static Task<TestDatabase> CopyAsync(TestDatabase template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return NewAsync(template.Provider, template);
    }

    private static async Task<TestDatabase> NewAsync(string provider, TestDatabase? template)
    {
        if (provider == "Postgres")
        {
            var admin = PostgresServer ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
            var name = "cotravail_test_" + Guid.NewGuid().ToString("N")[..16];
            var sql = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template._postgresName}\"";
            await AdminAsync(admin, sql);
            var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
            return new TestDatabase(provider, cs, null, admin, name);
        }
        var folder = Path.Combine(Path.GetTempPath(), "cotravail-tests");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db");
        if (template is not null)
        {
            File.Copy(template._sqliteFile!, file);
        }
        var sqlite = new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 30 }.ConnectionString;
        return new TestDatabase("Sqlite", sqlite, file, null, null);
    }

    /// <summary>
    /// Makes this database ready to be copied, once the app that filled it is disposed: no connection left open to it
    /// (PostgreSQL copies a database only then), and on SQLite everything written to the main file (the write-ahead log
    /// checkpointed, so that copying that one file copies everything).
    /// </summary>
    public async Task FreezeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            var unpooled = new SqliteConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString;
            await using var conn = new SqliteConnection(unpooled);
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await cmd.ExecuteNonQueryAsync();
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
        }
    }

    private static async Task AdminAsync(string admin, string sql)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var conn = new NpgsqlConnection(admin);
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand(sql, conn);
                await cmd.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                // A template still has a connection closing (a pool cleared a moment ago): copy again shortly.
                NpgsqlConnection.ClearAllPools();
                await Task.Delay(100 * attempt);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                try { File.Delete(f); } catch (IOException) { }
            }
        }
        if (_postgresAdmin is not null && _postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync(_postgresAdmin, $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)");
        }
    }
}
