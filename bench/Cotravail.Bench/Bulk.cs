using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Cotravail.Bench;

/// <summary>Writes many rows into one table: PostgreSQL binary COPY, or a prepared SQLite INSERT inside one transaction.</summary>
internal interface IRowWriter : IAsyncDisposable
{
    Task RowAsync(params object?[] values);
}

/// <summary>The database being filled: opens writers for tables and runs plain statements.</summary>
internal sealed class Bulk(DbConnection connection) : IAsyncDisposable
{
    public bool IsPostgres => connection is NpgsqlConnection;

    public static async Task<Bulk> OpenAsync(string provider, string connectionString)
    {
        // No command timeout: finishing a COPY of ten million rows takes longer than the default 30 s.
        DbConnection c = provider.Equals("postgres", StringComparison.OrdinalIgnoreCase)
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString)
            : new SqliteConnection(connectionString);
        await c.OpenAsync();
        var bulk = new Bulk(c);
        if (!bulk.IsPostgres)
        {
            await bulk.ExecAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;");
        }
        else if (await bulk.ScalarAsync<bool>("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
        {
            // The rows are consistent by construction: skip the foreign-key checks, which PostgreSQL would otherwise
            // queue for every row and run at the end of each COPY (minutes at ten million rows).
            await bulk.ExecAsync("SET session_replication_role = replica");
        }
        return bulk;
    }

    public async Task<IRowWriter> TableAsync(string table, params string[] columns) => IsPostgres
        ? new CopyWriter(await ((NpgsqlConnection)connection).BeginBinaryImportAsync(
            $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)"))
        : await SqliteWriter.CreateAsync((SqliteConnection)connection, table, columns);

    public async Task ExecAsync(string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        var value = await cmd.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>Moves a PostgreSQL identity past the ids written explicitly (nothing to do on SQLite).</summary>
    public Task ResetIdentityAsync(string table) => IsPostgres
        ? ExecAsync($"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), COALESCE((SELECT MAX(\"Id\") FROM \"{table}\"), 0) + 1, false)")
        : Task.CompletedTask;

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private sealed class CopyWriter(NpgsqlBinaryImporter importer) : IRowWriter
    {
        public async Task RowAsync(params object?[] values)
        {
            await importer.StartRowAsync();
            foreach (var v in values)
            {
                switch (v)
                {
                    case null: await importer.WriteNullAsync(); break;
                    case Enum e: await importer.WriteAsync(Convert.ToInt32(e, CultureInfo.InvariantCulture)); break;
                    default: await importer.WriteAsync(v); break;
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await importer.CompleteAsync();
            await importer.DisposeAsync();
        }
    }

    private sealed class SqliteWriter : IRowWriter
    {
        private const int RowsPerTransaction = 200_000;
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _command;
        private SqliteTransaction _transaction;
        private int _rows;

        private SqliteWriter(SqliteConnection connection, SqliteCommand command, SqliteTransaction transaction) =>
            (_connection, _command, _transaction) = (connection, command, transaction);

        public static async Task<IRowWriter> CreateAsync(SqliteConnection connection, string table, string[] columns)
        {
            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            for (var i = 0; i < columns.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter($"$p{i}", null));
            }
            command.Prepare();
            return new SqliteWriter(connection, command, transaction);
        }

        public async Task RowAsync(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                // The same text forms as EF Core's SQLite provider.
                _command.Parameters[i].Value = values[i] switch
                {
                    null => DBNull.Value,
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    TimeOnly t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                    DateTime dt => dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture),
                    var v => v,
                };
            }
            await _command.ExecuteNonQueryAsync();
            if (++_rows % RowsPerTransaction == 0)
            {
                await _transaction.CommitAsync();
                _transaction = (SqliteTransaction)await _connection.BeginTransactionAsync();
                _command.Transaction = _transaction;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _transaction.CommitAsync();
            await _command.DisposeAsync();
        }
    }
}
