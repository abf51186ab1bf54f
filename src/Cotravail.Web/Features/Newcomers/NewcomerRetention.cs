using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Newcomers;

/// <summary>
/// « Je m'installe » requests are kept three years after the last exchange (records of processing, line 10): past that,
/// a request keeps only what the indicators count (<see cref="NewcomersPersonalData.AnonymiseRequestsAsync"/>). An
/// anonymised request is not touched again, so every instance may run it.
/// </summary>
public sealed class NewcomerRetention(IServiceScopeFactory scopes, TimeProvider clock, ILogger<NewcomerRetention> logger)
    : PeriodicWorker(scopes, clock, logger)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(3 * 365);

    public static async Task<int> AnonymiseStaleAsync(AppDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cutoff = nowUtc - KeptFor;
        var stale = db.Set<NewcomerRequest>().Where(r => r.Name != NewcomersPersonalData.AnonymousRequest && r.CreatedAtUtc < cutoff
            && !db.Set<RequestEntry>().Any(e => e.RequestId == r.Id && e.AtUtc >= cutoff)
            && !db.Set<RelayMessage>().Any(m => m.AtUtc >= cutoff && db.Set<Introduction>().Any(i => i.Id == m.IntroductionId && i.RequestId == r.Id)));
        using var gate = await WriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var count = await NewcomersPersonalData.AnonymiseRequestsAsync(db, stale, ct);
        await tx.CommitAsync(ct);
        return count;
    }

    protected override TimeSpan Interval => TimeSpan.FromHours(6);

    protected override string Job => "the anonymisation of newcomers' requests after three years";

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        AnonymiseStaleAsync(services.GetRequiredService<AppDbContext>(), Clock.GetUtcNow().UtcDateTime, ct);
}
