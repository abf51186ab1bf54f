using Cotravail.Web.Common;
using Cotravail.Web.Common.Mail;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events.Moving;

/// <summary>What a move did: who was asked to confirm, who was told from the waitlist; or why it was refused.</summary>
public sealed record MoveResult(MoveProblem? Problem, int AskedToConfirm = 0, int Waitlisted = 0)
{
    public bool Moved => Problem is null;
}

/// <summary>
/// Moves an event, for the host's page and the API alike. In one transaction: the new times, every person holding a
/// place asked to confirm (<see cref="RegistrationStatus.ToConfirm"/>, the place kept until <see cref="MoveDeadline"/>),
/// reminders to send again for the new date, and the e-mails (outbox: sent only if the move commits).
/// </summary>
public sealed class EventMover(AppDbContext db, IMailSender mail, RegistrationLinks links, PublicAddress address, TimeProvider clock)
{
    /// <summary>The event with its site's hours and closures (the rules of a move need them), or null.</summary>
    public Task<Event?> LoadAsync(int eventId, CancellationToken ct) =>
        db.Events.AsNoTracking()
            .Include(e => e.Site!).ThenInclude(s => s.OpeningHours)
            .Include(e => e.Site!).ThenInclude(s => s.Closures)
            .AsSplitQuery().FirstOrDefaultAsync(e => e.Id == eventId, ct);

    /// <summary>Who would be told: people holding a place, people waiting.</summary>
    public async Task<(int Registrants, int Waitlisted)> CountAsync(int eventId, CancellationToken ct)
    {
        var statuses = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId).Select(r => r.Status).ToListAsync(ct);
        return (statuses.Count(s => s is RegistrationStatus.Confirmed or RegistrationStatus.ToConfirm), statuses.Count(s => s == RegistrationStatus.Waitlisted));
    }

    /// <summary>The new UTC times of <paramref name="input"/> (valid fields) for this event, or why they cannot be.</summary>
    public (DateTime Start, DateTime End, MoveProblem? Problem) Check(Event e, MoveInput input)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow().UtcDateTime;
        if (MoveRules.CannotMove(e, now) is { } cannot)
        {
            return (default, default, cannot);
        }
        var (start, end, dst) = input.AsEventInput().Span(e.Site!, input.Date!.Value);
        if (dst is not null)
        {
            return (default, default, new MoveProblem(nameof(MoveInput.StartTime), dst));
        }
        return (start, end, MoveRules.CannotMoveTo(e, e.Site!, start, end, now));
    }

    public async Task<MoveResult> MoveAsync(Event e, MoveInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(e);
        var (start, end, problem) = Check(e, input);
        if (problem is not null)
        {
            return new MoveResult(problem);
        }
        var (_, result) = await EventTransaction.RunAsync(db, () => MoveInTransactionAsync(e, start, end, ct), ct);
        return result ?? new MoveResult(Changed);
    }

    /// <summary>Someone moved or cancelled it since the host read it (a form posted twice): nothing is done again.</summary>
    private static readonly MoveProblem Changed =
        new(null, "L'événement a changé entre-temps (déjà déplacé ou annulé) : vérifiez sa date avant de recommencer.");

    private async Task<MoveResult> MoveInTransactionAsync(Event e, DateTime start, DateTime end, CancellationToken ct)
    {
        var (oldStart, oldEnd) = (e.StartUtc, e.EndUtc);
        // One conditional update: only from the times the host saw, and never once cancelled.
        var rows = await db.Events
            .Where(x => x.Id == e.Id && x.StartUtc == oldStart && x.EndUtc == oldEnd && x.Status != EventStatus.Cancelled)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.StartUtc, start).SetProperty(x => x.EndUtc, end), ct);
        if (rows == 0)
        {
            return new MoveResult(Changed);
        }
        // People holding a place are asked to confirm; the reminder of the old date no longer counts.
        await db.EventRegistrations
            .Where(r => r.EventId == e.Id && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.ToConfirm))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.ToConfirm), ct);
        await db.EventRegistrations.Where(r => r.EventId == e.Id && r.Status != RegistrationStatus.Cancelled)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReminderSentAtUtc, (DateTime?)null)
                .SetProperty(r => r.ReminderClaimedUntilUtc, (DateTime?)null).SetProperty(r => r.ReminderClaimId, (Guid?)null), ct);

        var before = new Event { StartUtc = oldStart, EndUtc = oldEnd, Site = e.Site };
        var oldWhen = EventMovedMail.InFrench(() => EventTimes.When(before));
        var moved = await db.Events.AsNoTracking().Include(x => x.Site).FirstAsync(x => x.Id == e.Id, ct);
        var people = await db.EventRegistrations.AsNoTracking()
            .Where(r => r.EventId == e.Id && (r.Status == RegistrationStatus.ToConfirm || r.Status == RegistrationStatus.Waitlisted))
            .OrderBy(r => r.Id).ToListAsync(ct);
        foreach (var r in people)
        {
            var message = r.Status == RegistrationStatus.ToConfirm
                ? EventMovedMail.ToRegistrant(r, moved, oldWhen, ConfirmUrl(r, moved), links.CancelUrl(r, moved), links.EventUrl(moved))
                : EventMovedMail.ToWaitlisted(r, moved, oldWhen, links.CancelUrl(r, moved), links.EventUrl(moved));
            await mail.SendAsync(message, ct);
        }
        return new MoveResult(null, people.Count(r => r.Status == RegistrationStatus.ToConfirm), people.Count(r => r.Status == RegistrationStatus.Waitlisted));
    }

    /// <summary>The token's purpose for « Je confirme » (read by the confirmation page).</summary>
    public const string ReconfirmPurpose = "reconfirm";

    /// <summary>« Je confirme »: valid until the deadline to answer.</summary>
    public string ConfirmUrl(Registration r, Event moved)
    {
        ArgumentNullException.ThrowIfNull(r);
        return address.Absolute("/agenda/inscription/nouvelle-date?jeton=" + Uri.EscapeDataString(links.Token(ReconfirmPurpose, r.Id, MoveDeadline.Of(moved))));
    }
}
