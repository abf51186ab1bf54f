namespace Cotravail.Tests.Infrastructure;

/// <summary>
/// Test classes that run after the others, one at a time: OpenTelemetry's listeners are process-wide (another host's
/// queries would reach this one's collector), and SQLite's concurrency tests measure contention of their own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Alone
{
    public const string Name = "Alone";
}
