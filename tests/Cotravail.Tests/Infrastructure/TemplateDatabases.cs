using System.Collections.Concurrent;

namespace Cotravail.Tests.Infrastructure;

/// <summary>
/// Migrated and seeded databases built once per test run, one per provider and seed (what the start writes in a new
/// database: see <see cref="TestApp"/>), and copied for each test: a test host then starts on a database where there is
/// nothing left to migrate or seed. Dropped when the test process ends.
/// </summary>
public static class TemplateDatabases
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<TestDatabase>>> Templates = new(StringComparer.Ordinal);

    static TemplateDatabases() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DropAll();

    /// <summary>A copy of the template of <paramref name="key"/>, which <paramref name="fill"/> fills on an empty database at its first use.</summary>
    public static async Task<TestDatabase> CopyAsync(string provider, string key, Func<TestDatabase, Task> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var entry = Templates.GetOrAdd(provider + "|" + key, _ => new Lazy<Task<TestDatabase>>(() => BuildAsync(provider, fill)));
        TestDatabase template;
        try
        {
            template = await entry.Value;
        }
        catch
        {
            // A failed build is not kept: the next test builds it again (and sees the error itself).
            Templates.TryRemove(new KeyValuePair<string, Lazy<Task<TestDatabase>>>(provider + "|" + key, entry));
            throw;
        }
        return await TestDatabase.CopyAsync(template);
    }

    private static async Task<TestDatabase> BuildAsync(string provider, Func<TestDatabase, Task> fill)
    {
        var database = await TestDatabase.CreateAsync(provider);
        try
        {
            await fill(database);
            await database.FreezeAsync();
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    private static void DropAll()
    {
        foreach (var entry in Templates.Values)
        {
            if (entry.IsValueCreated && entry.Value.IsCompletedSuccessfully)
            {
                try { entry.Value.Result.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
                catch (Exception e) when (e is IOException or Npgsql.NpgsqlException) { }
            }
        }
    }
}
