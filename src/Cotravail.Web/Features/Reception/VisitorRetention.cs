using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Reception;

/// <summary>
/// People welcomed without an account are known three years after their last visit (records of processing, « Accueil
/// dans les espaces »: without an account, 3 years, then kept without identity for the statistics). Past that, the
/// visitor record loses name, e-mail, postcode and commune; the visits stay for the observatory. A record with an account
/// follows the account (its deletion, or the inactive-account rule). Anonymised records are not touched again, so
/// every instance may run it.
/// </summary>
public sealed class VisitorRetention(IServiceScopeFactory scopes, TimeProvider clock, ILogger<VisitorRetention> logger)
    : PeriodicWorker(scopes, clock, logger)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(3 * 365);

    public static async Task<int> AnonymiseStaleAsync(AppDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cutoff = nowUtc - KeptFor;
        var stale = db.Visitors.Where(v => v.UserId == null && v.CreatedAtUtc < cutoff
            && (v.FirstName != "" || v.LastName != "" || v.Email != null || v.Postcode != null || v.CommuneInsee != null)
            && !db.Visits.Any(x => x.VisitorId == v.Id && x.ArrivedAtUtc >= cutoff));
        using var gate = await WriteGate.EnterAsync(db, ct);
        return await ReceptionPersonalData.AnonymiseVisitorsAsync(stale, ct);
    }

    protected override TimeSpan Interval => TimeSpan.FromHours(6);

    protected override string Job => "the anonymisation of visitors without an account after three years";

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        AnonymiseStaleAsync(services.GetRequiredService<AppDbContext>(), Clock.GetUtcNow().UtcDateTime, ct);
}
