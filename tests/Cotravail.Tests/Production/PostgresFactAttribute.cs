using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Production;

/// <summary>A test that needs a PostgreSQL server: skipped, with the reason, when <c>COTRAVAIL_TEST_POSTGRES</c> is not set.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.PostgresServer is null)
        {
            Skip = $"needs PostgreSQL: set {TestDatabase.PostgresVariable} (./test.sh does)";
        }
    }
}
