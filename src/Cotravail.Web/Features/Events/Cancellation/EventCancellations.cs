using Cotravail.Web.Common;
using Cotravail.Web.Common.Mail;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events.Cancellation;

/// <summary>
/// Cancelling an event or a coaching slot, for the hosts' page, the API and a change of the site (closure, hours,
/// archiving) alike: the event becomes « Annulé » with its reason, every registration and waitlist entry is cancelled and
/// no place stays counted. <see cref="CancelInTransactionAsync"/> does it inside the caller's transaction and says whom to
/// tell; <see cref="TellAsync"/> writes their e-mails (through the outbox, so only if the work commits).
/// </summary>
public sealed class EventCancellations(AppDbContext db, IMailSender mail, PublicAddress address, TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    /// <summary>What the reason must be, as a French message (a localizer key), or null when it will do.</summary>
    public static string? CheckReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "Indiquez en quelques mots pourquoi l'événement est annulé : les inscrits le liront."
        : reason.Trim().Length > MaxReasonLength ? "La raison fait au plus 500 caractères."
        : null;

    /// <summary>Cancels the event and tells everyone, in one transaction of its own (the hosts' page and the API).</summary>
    public async Task<CancellationResult> CancelAsync(int eventId, string reason, CancellationToken ct)
    {
        var (_, result) = await EventTransaction.RunAsync(db, async () =>
        {
            var done = await CancelInTransactionAsync(eventId, reason, ct);
            if (done.Outcome == CancellationOutcome.Cancelled)
            {
                await TellAsync(done, ct);
            }
            return done;
        }, ct);
        db.ChangeTracker.Clear();
        return result!;
    }

    /// <summary>
    /// Inside the caller's transaction: the event's row is taken by one conditional update (not cancelled yet, not begun),
    /// so of two hosts confirming at once, or a host and a closure, one cancels and the other finds it done. Sends nothing.
    /// </summary>
    public async Task<CancellationResult> CancelInTransactionAsync(int eventId, string reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var now = clock.GetUtcNow().UtcDateTime;
        var text = reason.Trim();
        var taken = await db.Events
            .Where(e => e.Id == eventId && (e.Status == EventStatus.Published || e.Status == EventStatus.Draft) && e.StartUtc > now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, EventStatus.Cancelled)
                .SetProperty(e => e.CancellationReason, text)
                .SetProperty(e => e.CancelledAtUtc, now)
                .SetProperty(e => e.Registered, 0), ct);
        var e = await db.Events.AsNoTracking().Include(x => x.Site).FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (taken == 0)
        {
            return new CancellationResult(e switch
            {
                null => CancellationOutcome.NotFound,
                { Status: EventStatus.Cancelled } => CancellationOutcome.AlreadyCancelled,
                { Status: EventStatus.Proposed or EventStatus.Declined } => CancellationOutcome.Proposal,
                _ => CancellationOutcome.Started,
            }, e);
        }
        var active = await db.EventRegistrations
            .Where(r => r.EventId == eventId && r.Status != RegistrationStatus.Cancelled).ToListAsync(ct);
        var told = active.Where(r => r.HoldsPlace || r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.Status == RegistrationStatus.Waitlisted).ThenBy(r => r.WaitlistPosition).ThenBy(r => r.Id)
            .Select(r => new CancelledPerson(r.Id, r.Name, r.Email, r.Status == RegistrationStatus.Waitlisted, r.PriceCents))
            .ToList();
        foreach (var r in active)
        {
            r.Status = RegistrationStatus.Cancelled;
            r.CancelledAtUtc = now;
            r.WaitlistPosition = null;
        }
        await db.SaveChangesAsync(ct);
        return new CancellationResult(CancellationOutcome.Cancelled, e, told);
    }

    /// <summary>One e-mail to each person told, with the reason (in the caller's transaction: written only if it commits).</summary>
    public async Task TellAsync(CancellationResult cancelled, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cancelled);
        var e = cancelled.Event ?? throw new InvalidOperationException("Nothing was cancelled.");
        var agenda = address.Absolute(AgendaPath(e.Site));
        foreach (var person in cancelled.Told)
        {
            await mail.SendAsync(EventCancelledMail.Write(person, e, e.CancellationReason ?? "", agenda) with { To = person.Email }, ct);
        }
    }

    /// <summary>The agenda of the event's site (the whole agenda once the site is archived): where to find another date.</summary>
    public static string AgendaPath(Sites.Site? site) =>
        site is { IsArchived: false } ? "/agenda?espace=" + Uri.EscapeDataString(site.Slug) : "/agenda";
}
