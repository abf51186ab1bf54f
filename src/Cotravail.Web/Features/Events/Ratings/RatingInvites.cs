using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events.Ratings;

/// <summary>
/// After an event, invites its participants (holding a place, not marked absent) to rate it — once each, across
/// restarts and instances: claimed with a lease, marked sent after each mail (the pattern of <see cref="EventReminders"/>).
/// </summary>
public sealed partial class RatingInvites(AppDbContext db, EventMailer mailer, TimeProvider clock, ILogger<RatingInvites> logger)
{
    /// <summary>Events that ended less than this long ago get their invitations.</summary>
    public static readonly TimeSpan Within = TimeSpan.FromDays(7);

    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - Within;
        var claim = Guid.NewGuid();
        var claimUntil = now + EventReminders.Lease;
        var claimed = await db.EventRegistrations
            .Where(r => r.Status == RegistrationStatus.Confirmed && r.Attended != false && r.RatingInviteSentAtUtc == null
                && (r.RatingInviteClaimedUntilUtc == null || r.RatingInviteClaimedUntilUtc < now)
                && r.Event!.Status == EventStatus.Published && r.Event.EndUtc <= now && r.Event.EndUtc > since)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RatingInviteClaimedUntilUtc, claimUntil).SetProperty(r => r.RatingInviteClaimId, claim), ct);
        if (claimed == 0)
        {
            return 0;
        }
        var mine = await db.EventRegistrations.AsNoTracking().Include(r => r.Event!).ThenInclude(e => e.Site)
            .Where(r => r.RatingInviteClaimId == claim && r.RatingInviteSentAtUtc == null).OrderBy(r => r.Id).ToListAsync(ct);
        var optedOut = await db.WithoutRemindersAsync(mine.Select(r => r.UserId), ct);
        var sent = 0;
        foreach (var r in mine)
        {
            if (r.UserId is { } id && optedOut.Contains(id))
            {
                // Reminders (which include this invitation) turned off on « Mon compte »: settled without a mail.
                await db.EventRegistrations.Where(x => x.Id == r.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.RatingInviteSentAtUtc, now), ct);
                continue;
            }
            try
            {
                await mailer.SendRatingInviteAsync(r, r.Event!, ct);
            }
#pragma warning disable CA1031 // the lease expires and a later run tries again
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(logger, e, r.Id);
                continue;
            }
            await db.EventRegistrations.Where(x => x.Id == r.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.RatingInviteSentAtUtc, now), ct);
            sent++;
        }
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The rating invitation of registration {RegistrationId} could not be sent; it will be tried again.")]
    private static partial void LogFailed(ILogger logger, Exception e, int registrationId);
}
