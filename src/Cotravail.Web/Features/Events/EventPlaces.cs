using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events;

/// <summary>
/// Places and waitlist of an event, guarded by the database. Every change first locks the event's row (an update of
/// its counters), so the registrations and cancellations of one event pass one at a time on PostgreSQL as on SQLite;
/// a place is then taken by <c>SET Registered = Registered + 1 WHERE Registered &lt; Capacity</c> (and a check
/// constraint forbids more), a waitlist position by incrementing the event's counter. Runs inside a transaction
/// owned by the caller (<see cref="EventTransaction"/>).
/// </summary>
public sealed class EventPlaces(AppDbContext db, TimeProvider clock, Common.Happenings.IHappenings happenings)
{
    /// <summary>
    /// Gives the new registration a place, or the next position on the waitlist, and saves it. Without a waitlist
    /// (a one-to-one coaching slot), a full event saves nothing and answers false; so does a cancelled event.
    /// </summary>
    public async Task<bool> PlaceAsync(Registration registration, bool waitlist, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(registration);
        await LockAsync(registration.EventId, ct);
        if (await db.Events.AnyAsync(e => e.Id == registration.EventId && e.Status == EventStatus.Cancelled, ct))
        {
            return false; // cancelled while the registration waited for the event's row
        }
        if (!waitlist)
        {
            if (!await TakePlaceAsync(registration.EventId, ct))
            {
                return false;
            }
            var startUtc = await db.Events.Where(e => e.Id == registration.EventId).Select(e => e.StartUtc).FirstAsync(ct);
            Confirm(registration, startUtc);
        }
        else
        {
            await TakePlaceOrQueueAsync(registration, ct);
        }
        if (registration.Id == 0)
        {
            db.EventRegistrations.Add(registration);
        }
        // A second active registration of the same address breaks the unique key here: the caller rolls back.
        await db.SaveChangesAsync(ct);
        await happenings.RecordAsync(Registered(registration), ct);
        return true;
    }

    /// <summary>A person without an account clicked the link: their pending registration takes a place or a waitlist position.</summary>
    /// <returns>False when it was no longer pending (already confirmed by an earlier click, or cancelled).</returns>
    public async Task<bool> ConfirmPendingAsync(int registrationId, CancellationToken ct)
    {
        var eventId = await db.EventRegistrations.Where(r => r.Id == registrationId).Select(r => r.EventId).FirstAsync(ct);
        await LockAsync(eventId, ct);
        var registration = await db.EventRegistrations.FirstAsync(r => r.Id == registrationId, ct);
        if (registration.Status != RegistrationStatus.Pending)
        {
            return false;
        }
        await TakePlaceOrQueueAsync(registration, ct);
        await db.SaveChangesAsync(ct);
        await happenings.RecordAsync(Registered(registration), ct);
        return true;
    }

    private Common.Happenings.EventRegistered Registered(Registration r) =>
        new(r.Id, r.EventId, r.UserId, r.Status == RegistrationStatus.Waitlisted ? "waitlisted" : "registered", Now);

    /// <summary>
    /// Cancels the registration; a place given back goes to the first in line, who is returned (to be told by e-mail).
    /// Null result and false when it was already cancelled.
    /// </summary>
    public async Task<(bool Cancelled, Registration? Promoted)> CancelAsync(int registrationId, CancellationToken ct)
    {
        var eventId = await db.EventRegistrations.Where(r => r.Id == registrationId).Select(r => r.EventId).FirstAsync(ct);
        await LockAsync(eventId, ct);
        var registration = await db.EventRegistrations.FirstAsync(r => r.Id == registrationId, ct);
        if (registration.Status == RegistrationStatus.Cancelled)
        {
            return (false, null);
        }
        var heldPlace = registration.HoldsPlace;
        registration.Status = RegistrationStatus.Cancelled;
        registration.CancelledAtUtc = Now;
        registration.WaitlistPosition = null;
        await db.SaveChangesAsync(ct);
        if (!heldPlace)
        {
            return (true, null);
        }
        await db.Events.Where(e => e.Id == eventId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Registered, e => e.Registered - 1), ct);
        var promoted = await PromoteAsync(eventId, 1, ct);
        return (true, promoted.FirstOrDefault());
    }

    /// <summary>Fills free places from the waitlist, first in line first (after a cancellation or a larger capacity).</summary>
    public async Task<IReadOnlyList<Registration>> FillFromWaitlistAsync(int eventId, CancellationToken ct)
    {
        await LockAsync(eventId, ct);
        return await PromoteAsync(eventId, int.MaxValue, ct);
    }

    private async Task<IReadOnlyList<Registration>> PromoteAsync(int eventId, int max, CancellationToken ct)
    {
        var promoted = new List<Registration>();
        var startUtc = await db.Events.Where(e => e.Id == eventId).Select(e => e.StartUtc).FirstAsync(ct);
        if (Now >= startUtc)
        {
            return promoted; // too late to call anyone in
        }
        while (promoted.Count < max)
        {
            var next = await db.EventRegistrations
                .Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Waitlisted)
                .OrderBy(r => r.WaitlistPosition).ThenBy(r => r.Id).FirstOrDefaultAsync(ct);
            if (next is null || !await TakePlaceAsync(eventId, ct))
            {
                break;
            }
            Confirm(next, startUtc);
            await db.SaveChangesAsync(ct);
            promoted.Add(next);
        }
        return promoted;
    }

    private async Task TakePlaceOrQueueAsync(Registration registration, CancellationToken ct)
    {
        if (await TakePlaceAsync(registration.EventId, ct))
        {
            var startUtc = await db.Events.Where(e => e.Id == registration.EventId).Select(e => e.StartUtc).FirstAsync(ct);
            Confirm(registration, startUtc);
            return;
        }
        await db.Events.Where(e => e.Id == registration.EventId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastWaitlistPosition, e => e.LastWaitlistPosition + 1), ct);
        registration.Status = RegistrationStatus.Waitlisted;
        registration.WaitlistPosition = await db.Events.Where(e => e.Id == registration.EventId)
            .Select(e => e.LastWaitlistPosition).FirstAsync(ct);
    }

    /// <summary>Holds a place from now; within the day before the start, the confirmation e-mail is also the reminder.</summary>
    private void Confirm(Registration registration, DateTime startUtc)
    {
        registration.Status = RegistrationStatus.Confirmed;
        registration.WaitlistPosition = null;
        registration.ConfirmedAtUtc = Now;
        if (startUtc - Now <= EventReminders.Ahead)
        {
            registration.ReminderSentAtUtc = Now;
        }
    }

    private async Task<bool> TakePlaceAsync(int eventId, CancellationToken ct) =>
        await db.Events.Where(e => e.Id == eventId && e.Registered < e.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Registered, e => e.Registered + 1), ct) == 1;

    /// <summary>Writes the event's row without changing it: other transactions on this event wait until we commit.</summary>
    private Task LockAsync(int eventId, CancellationToken ct) =>
        db.Events.Where(e => e.Id == eventId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastWaitlistPosition, e => e.LastWaitlistPosition), ct);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
