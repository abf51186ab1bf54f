using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Reception;

/// <summary>
/// No-shows: once a site's <see cref="Site.NoShowTime"/> has passed, its morning and day bookings of the day with no
/// arrival become no-shows and their places are freed for walk-ins. A site's day is claimed by inserting its
/// <see cref="NoShowRun"/> row in the same transaction as the changes: another run, on this instance or another, finds the
/// row and does nothing; a run that fails rolls its claim back and the next one does the work.
/// </summary>
public sealed partial class NoShows(AppDbContext db, BookingService places, TimeProvider clock, ILogger<NoShows> logger)
{
    /// <summary>Processes every site whose no-show time has passed today; returns how many bookings became no-shows.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var sites = await db.Sites.AsNoTracking().Where(s => !s.IsArchived).ToListAsync(ct);
        var total = 0;
        foreach (var site in sites)
        {
            var local = SiteClock.LocalNow(site, clock);
            var today = DateOnly.FromDateTime(local);
            if (TimeOnly.FromDateTime(local) < site.NoShowTime || await db.NoShowRuns.AnyAsync(r => r.SiteId == site.Id && r.Date == today, ct))
            {
                continue;
            }
            total += await RunAsync(site, today, ct);
        }
        return total;
    }

    private async Task<int> RunAsync(Site site, DateOnly today, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        for (var attempt = 1; ; attempt++)
        {
            using var gate = await WriteGate.EnterAsync(db, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var claimed = await db.Database.ExecuteSqlInterpolatedAsync(
                    $"INSERT INTO \"NoShowRuns\" (\"SiteId\", \"Date\", \"RanAtUtc\", \"NoShows\") VALUES ({site.Id}, {today}, {now}, 0) ON CONFLICT DO NOTHING", ct);
                if (claimed == 0)
                {
                    await tx.RollbackAsync(ct);
                    return 0;
                }
                var absent = await db.Bookings.AsNoTracking()
                    .Where(b => b.SiteId == site.Id && b.Date == today && b.Status == BookingStatus.Confirmed
                        && (b.Period == Period.Morning || b.Period == Period.Day)
                        && !db.Visits.Any(v => v.BookingId == b.Id))
                    .ToListAsync(ct);
                var count = 0;
                foreach (var booking in absent)
                {
                    if (await places.ReleaseAsync(booking, BookingStatus.NoShow, now, ct))
                    {
                        count++;
                    }
                }
                await db.NoShowRuns.Where(r => r.SiteId == site.Id && r.Date == today)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.NoShows, count), ct);
                await tx.CommitAsync(ct);
                if (count > 0)
                {
                    LogNoShows(logger, count, site.Id);
                }
                return count;
            }
            catch (Exception e) when ((DbErrors.IsTransient(e) || DbErrors.IsUniqueViolation(e)) && attempt < 3)
            {
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} bookings of site {SiteId} became no-shows; their places are free.")]
    private static partial void LogNoShows(ILogger logger, int count, int siteId);
}

/// <summary>Runs <see cref="NoShows.RunDueAsync"/> every minute (<c>Reception:NoShowIntervalSeconds</c>, default 60).</summary>
public sealed class NoShowWorker(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<NoShowWorker> logger)
    : PeriodicWorker(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(5, config.GetValue("Reception:NoShowIntervalSeconds", 60)));

    protected override string Job => "no-shows";

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<NoShows>().RunDueAsync(ct);
}
