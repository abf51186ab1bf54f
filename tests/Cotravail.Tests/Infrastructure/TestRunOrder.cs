using Xunit.Abstractions;

// Most tests wait on a database or on the test server part of the time: four at once keep two cores busy.
// The test command can ask for another number: dotnet test … -- xUnit.MaxParallelThreads=N.
[assembly: CollectionBehavior(MaxParallelThreads = 4)]
[assembly: TestCollectionOrderer("Cotravail.Tests.Infrastructure.TestRunOrder", "Cotravail.Tests")]

namespace Cotravail.Tests.Infrastructure;

/// <summary>
/// Starts the test classes that take longest first, so that the run does not end on one of them alone while the other
/// cores wait; the others keep xUnit's order.
/// </summary>
public sealed class TestRunOrder : ITestCollectionOrderer
{
    /// <summary>The slowest classes, slowest first (each takes from a quarter of a minute to a minute or more).</summary>
    private static readonly string[] Slowest =
    [
        "Trust.BadInputSweepTests",
        "Trust.DataLeakMatrixTests",
        "Trust.AuthorizationMatrixTests",
        "Observatory.NetworkMembersTests",
        "Privacy.RetentionTests",
        "Observatory.DemoActivityTests",
        "Security.KeyProtectionTests",
        "Booking.BookingIdsTests",
        "Production.CopyToPostgresTests",
        "Reception.CheckInTests",
        "Privacy.EntrepreneursAndNewcomersDataTests",
        "Production.BackupTests",
        "Booking.NeverOverbookedTests",
        "Billing.InvoiceAccessTests",
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(Rank);

    private static int Rank(ITestCollection collection)
    {
        var name = collection.DisplayName;
        for (var i = 0; i < Slowest.Length; i++)
        {
            if (name.EndsWith("." + Slowest[i], StringComparison.Ordinal))
            {
                return i;
            }
        }
        return Slowest.Length;
    }
}
