using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events;

/// <summary>
/// Reminder e-mails the day before: from 24 hours before the start, to each person holding a place (someone who got
/// their place later has just received its confirmation, which counts as the reminder: see <see cref="EventPlaces"/>).
/// A run claims its reminders in the database (a lease, one conditional update that another instance cannot repeat),
/// sends them, and marks each one sent: after a restart nothing is sent twice, and a reminder whose sending failed
/// (or whose instance stopped mid-way) is taken again once the lease has expired.
/// </summary>
public sealed partial class EventReminders(AppDbContext db, EventMailer mailer, TimeProvider clock, ILogger<EventReminders> logger)
{
    public static readonly TimeSpan Ahead = TimeSpan.FromHours(24);
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>Sends the reminders due now; returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = now + Ahead;
        var claimUntil = now + Lease;
        // A reminder is claimed when its lease is free, under this run's own mark, read back just after.
        var claim = Guid.NewGuid();
        var claimed = await db.EventRegistrations
            .Where(r => r.Status == RegistrationStatus.Confirmed && r.ReminderSentAtUtc == null
                && (r.ReminderClaimedUntilUtc == null || r.ReminderClaimedUntilUtc < now)
                && r.Event!.Status == EventStatus.Published && r.Event.StartUtc > now && r.Event.StartUtc <= horizon)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.ReminderClaimedUntilUtc, claimUntil)
                .SetProperty(r => r.ReminderClaimId, claim), ct);
        if (claimed == 0)
        {
            return 0;
        }
        var mine = await db.EventRegistrations.AsNoTracking().Include(r => r.Event!).ThenInclude(e => e.Site)
            .Where(r => r.ReminderClaimId == claim && r.ReminderSentAtUtc == null)
            .OrderBy(r => r.Id).ToListAsync(ct);
        var optedOut = await db.WithoutRemindersAsync(mine.Select(r => r.UserId), ct);
        var sent = 0;
        foreach (var r in mine)
        {
            if (r.UserId is { } id && optedOut.Contains(id))
            {
                // Reminders turned off on « Mon compte »: settled without a mail.
                await db.EventRegistrations.Where(x => x.Id == r.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReminderSentAtUtc, now), ct);
                continue;
            }
            try
            {
                await mailer.SendReminderAsync(r, r.Event!, ct);
            }
#pragma warning disable CA1031 // a failing mail server: the lease expires and a later run tries again
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(logger, e, r.Id);
                continue;
            }
            await db.EventRegistrations.Where(x => x.Id == r.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReminderSentAtUtc, now), ct);
            sent++;
        }
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reminder of registration {RegistrationId} could not be sent; it will be tried again.")]
    private static partial void LogFailed(ILogger logger, Exception e, int registrationId);
}

/// <summary>Runs <see cref="EventReminders.SendDueAsync"/> (after releasing the places of people who did not confirm a moved event in time, and with the invitations to rate past events) every few minutes (<c>Events:ReminderIntervalMinutes</c>, default 5).</summary>
public sealed class ReminderWorker(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<ReminderWorker> logger)
    : PeriodicWorker(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, config.GetValue("Events:ReminderIntervalMinutes", 5)));

    protected override string Job => "event reminders";

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<Moving.MoveDeadline>().ReleaseExpiredAsync(ct);
        await services.GetRequiredService<EventReminders>().SendDueAsync(ct);
        await services.GetRequiredService<Ratings.RatingInvites>().SendDueAsync(ct);
    }
}
