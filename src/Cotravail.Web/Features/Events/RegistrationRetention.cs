using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events;

/// <summary>
/// Registrations are kept three years after the event (records of processing, « Événements, formations, coups de
/// main »). Past that, they lose account, name, address, phone number and rating comment; postcode, attendance and score stay counted
/// for the observatory. The ratings' comments go first, while their registrations can still be told apart. Anonymised
/// registrations are not touched again, so every instance may run it.
/// </summary>
public sealed class RegistrationRetention(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RegistrationRetention> logger)
    : PeriodicWorker(scopes, clock, logger)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(3 * 365);

    public static async Task<int> AnonymiseStaleAsync(AppDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cutoff = nowUtc - KeptFor;
        var stale = db.EventRegistrations.Where(r => r.Event!.StartUtc < cutoff && !r.Email.EndsWith(EventsPersonalData.AnonymousDomain));
        var count = await stale.CountAsync(ct);
        if (count > 0)
        {
            using var gate = await WriteGate.EnterAsync(db, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await EventsPersonalData.AnonymiseRegistrationsAsync(db, stale, ct);
            await tx.CommitAsync(ct);
        }
        return count;
    }

    protected override TimeSpan Interval => TimeSpan.FromHours(6);

    protected override string Job => "the anonymisation of event registrations three years after the event";

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        AnonymiseStaleAsync(services.GetRequiredService<AppDbContext>(), Clock.GetUtcNow().UtcDateTime, ct);
}
