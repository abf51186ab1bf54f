using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cotravail.Web.Data;

/// <summary>
/// A named lock that holds across every instance sharing the database, for work that must not run twice at once
/// (migrations and seeding at start, a month's invoicing). On PostgreSQL: a session advisory lock taken on a
/// connection of its own, released on dispose (or by the server if the process dies). On SQLite, which serves one
/// instance: a lock inside this process, per database file and name.
/// </summary>
public static class DatabaseLock
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Local = new(StringComparer.Ordinal);

    public static async Task<IAsyncDisposable> AcquireAsync(AppDbContext db, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connectionString = db.Database.GetConnectionString() ?? "";
        if (db.Database.IsNpgsql())
        {
            // Not from the pool: a pooled connection would keep the lock after being returned.
            var cs = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
            var connection = new NpgsqlConnection(cs);
            try
            {
                await connection.OpenAsync(ct);
                await using var take = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection);
                take.Parameters.AddWithValue(Key(name));
                take.CommandTimeout = 0; // wait as long as the other holder works
                await take.ExecuteNonQueryAsync(ct);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
            return new Advisory(connection, Key(name));
        }
        var gate = Local.GetOrAdd(connectionString + "|" + name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new InProcess(gate);
    }

    /// <summary>The 64-bit key of an advisory lock: the first bytes of the name's SHA-256, stable across versions.</summary>
    public static long Key(string name) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("cotravail:" + name)), 0);

    private sealed class Advisory(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
                release.Parameters.AddWithValue(key);
                await release.ExecuteNonQueryAsync();
            }
            finally
            {
                // Closing the session releases the lock in any case.
                await connection.DisposeAsync();
            }
        }
    }

    private sealed class InProcess(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _done;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                gate.Release();
            }
            return ValueTask.CompletedTask;
        }
    }
}
