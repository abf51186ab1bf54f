using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Data;

/// <summary>
/// SQLite lets one writer at a time in; a writer that finds the file locked sleeps and retries, which makes
/// latency jump under load. Contended write transactions therefore queue here first, in order, one per database
/// file (SQLite serves one instance; several instances use PostgreSQL, where this gate lets everything through).
/// </summary>
public static class WriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static async Task<IDisposable> EnterAsync(DbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            return Open.Instance;
        }
        var gate = Gates.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                gate.Release();
            }
        }
    }

    private sealed class Open : IDisposable
    {
        public static readonly Open Instance = new();

        public void Dispose()
        {
        }
    }
}
