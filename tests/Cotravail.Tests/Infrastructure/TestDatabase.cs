using Microsoft.Data.Sqlite;
using Npgsql;

namespace Cotravail.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test: a new SQLite file, or a new database on the PostgreSQL server
/// named by <c>COTRAVAIL_TEST_POSTGRES</c> (a connection string; the test command starts that server).
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

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        if (provider == "Postgres")
        {
            var admin = PostgresServer ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
            var name = "cotravail_test_" + Guid.NewGuid().ToString("N")[..16];
            await using (var conn = new NpgsqlConnection(admin))
            {
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
                await cmd.ExecuteNonQueryAsync();
            }
            var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
            return new TestDatabase(provider, cs, null, admin, name);
        }
        var folder = Path.Combine(Path.GetTempPath(), "cotravail-tests");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db");
        var sqlite = new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 30 }.ConnectionString;
        return new TestDatabase("Sqlite", sqlite, file, null, null);
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
            await using var conn = new NpgsqlConnection(_postgresAdmin);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
