using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cotravail.Web.Common.Mail;

/// <summary>
/// Degraded (still answered 200, the instance keeps serving) when a mail has been due for more than <see cref="Late"/>:
/// the SMTP server is away or refuses, or no instance sends mail, and someone should look.
/// </summary>
internal sealed class MailHealthCheck(AppDbContext db, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan Late = TimeSpan.FromMinutes(15);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var before = clock.GetUtcNow().UtcDateTime - Late;
        var late = db.OutboxMails.AsNoTracking().Where(m => m.DueAtUtc < before || (m.Attempts > 0 && m.CreatedAtUtc < before));
        var count = await late.CountAsync(cancellationToken);
        return count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded($"{count} mail(s) not sent, the oldest written at {await late.MinAsync(m => (DateTime?)m.CreatedAtUtc, cancellationToken):u}");
    }
}
