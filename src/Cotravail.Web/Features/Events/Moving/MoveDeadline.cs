using Cotravail.Web.Common.Mail;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events.Moving;

/// <summary>
/// After a move, each person keeps their place (<see cref="RegistrationStatus.ToConfirm"/>) until they confirm, decline,
/// or the new date's registrations close (<see cref="Event.RegistrationClosesAtUtc"/>, 2 hours before by default): then
/// the place goes to the first in line, and the person is told. Each release is one conditional update (only a
/// registration still to confirm), so a confirmation at the same moment wins or loses whole, never half.
/// </summary>
public sealed class MoveDeadline(AppDbContext db, EventPlaces places, EventMailer mailer, IMailSender mail, RegistrationLinks links, TimeProvider clock)
{
    public static DateTime Of(Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.RegistrationClosesAtUtc;
    }

    /// <summary>The person confirms the new date: false when they were not (or no longer) asked to.</summary>
    public async Task<bool> ConfirmAsync(int registrationId, CancellationToken ct)
    {
        var (_, done) = await EventTransaction.RunAsync(db, async () =>
            await db.EventRegistrations.Where(r => r.Id == registrationId && r.Status == RegistrationStatus.ToConfirm)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.Confirmed), ct) == 1, ct);
        return done;
    }

    /// <summary>Releases the places of people who did not answer in time; returns how many.</summary>
    public async Task<int> ReleaseExpiredAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Few rows: registrations still to confirm, read with their event's times and filtered here.
        var waiting = await db.EventRegistrations.AsNoTracking()
            .Where(r => r.Status == RegistrationStatus.ToConfirm)
            .Select(r => new { r.Id, r.EventId, r.Event!.StartUtc, r.Event.RegistrationCloseMinutes })
            .ToListAsync(ct);
        var released = 0;
        foreach (var w in waiting.Where(w => w.StartUtc.AddMinutes(-w.RegistrationCloseMinutes) <= now))
        {
            var (_, done) = await EventTransaction.RunAsync(db, () => ReleaseAsync(w.Id, w.EventId, now, ct), ct);
            released += done ? 1 : 0;
        }
        return released;
    }

    private async Task<bool> ReleaseAsync(int registrationId, int eventId, DateTime now, CancellationToken ct)
    {
        // The event's row first, as every change of places does (EventPlaces): a cancellation at the same moment waits.
        await db.Events.Where(e => e.Id == eventId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastWaitlistPosition, e => e.LastWaitlistPosition), ct);
        var rows = await db.EventRegistrations.Where(r => r.Id == registrationId && r.Status == RegistrationStatus.ToConfirm)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.Cancelled)
                .SetProperty(r => r.CancelledAtUtc, now).SetProperty(r => r.WaitlistPosition, (int?)null), ct);
        if (rows == 0)
        {
            return false; // confirmed or declined in the meantime
        }
        await db.Events.Where(e => e.Id == eventId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Registered, e => e.Registered - 1), ct);
        var promoted = await places.FillFromWaitlistAsync(eventId, ct);
        var e = await db.Events.AsNoTracking().Include(x => x.Site).FirstAsync(x => x.Id == eventId, ct);
        var registration = await db.EventRegistrations.AsNoTracking().FirstAsync(r => r.Id == registrationId, ct);
        // Inside the transaction: the outbox sends these only if the release commits.
        await mail.SendAsync(EventMovedMail.ToReleased(registration, e, links.EventUrl(e)), ct);
        foreach (var p in promoted)
        {
            await mailer.SendPromotedAsync(p, e, ct);
        }
        return true;
    }
}
