using System.Collections.Concurrent;

namespace Cotravail.Tests.Infrastructure;

/// <summary>
/// One started <see cref="TestApp"/> per provider for all the tests of a class (an xUnit class fixture:
/// <c>public sealed class XTests(SharedApps apps) : IClassFixture&lt;SharedApps&gt;</c>, then
/// <c>var app = await apps.GetAsync(provider);</c>, never disposed by the test). Starting a host is most of what an HTTP
/// test costs; the tests of a class run one after the other, so they share it safely when none of them moves the clock,
/// changes the demo accounts or settings others rely on, or counts rows, mails or audit lines that another test of the
/// class adds (each works on its own people, sites or records, or only reads the demo network). A test that needs the
/// database as the start left it, another clock or other settings starts its own app with <see cref="TestApp.StartAsync"/>.
/// </summary>
public sealed class SharedApps : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TestApp>>> _apps = new(StringComparer.Ordinal);

    /// <summary>The class's app on <paramref name="provider"/>, started at its first use, at <see cref="TestApp.DefaultNow"/>.</summary>
    public async Task<TestApp> GetAsync(string provider = "Sqlite")
    {
        var app = await _apps.GetOrAdd(provider, p => new Lazy<Task<TestApp>>(() => TestApp.StartAsync(p))).Value;
        if (app.Clock.GetUtcNow() != TestApp.DefaultNow)
        {
            throw new InvalidOperationException(
                $"A test moved the clock of the shared app to {app.Clock.GetUtcNow():O}: a test that moves the clock starts its own app (TestApp.StartAsync).");
        }
        return app;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var entry in _apps.Values)
        {
            if (entry.IsValueCreated && entry.Value.IsCompletedSuccessfully)
            {
                await entry.Value.Result.DisposeAsync();
            }
        }
    }
}
