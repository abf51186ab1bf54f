using Cotravail.Web.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cotravail.Web.Common;

/// <summary>Healthy when the database answers a query.</summary>
internal sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("database unreachable");
        }
#pragma warning disable CA1031 // any failure of the database means unhealthy
        catch (Exception e)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("database error", e);
        }
    }
}
