using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events;

public enum RegisterOutcome
{
    Registered,
    Waitlisted,
    /// <summary>A person without an account: a link to confirm was sent.</summary>
    PleaseConfirm,
    /// <summary>Already waiting for confirmation: the link was sent again.</summary>
    ConfirmationResent,
    AlreadyRegistered,
    Closed,
    MembersOnly,
    NotFound,
}

public sealed record RegisterResult(RegisterOutcome Outcome, Registration? Registration = null, string? Reason = null)
{
    /// <summary>What to tell the person (French, a localizer key; arguments in <see cref="MessageArgs"/>).</summary>
    public string Message => Outcome switch
    {
        RegisterOutcome.Registered => "Vous êtes inscrit·e. Un e-mail de confirmation vous a été envoyé.",
        RegisterOutcome.Waitlisted => "L'événement est complet : vous êtes en position {0} sur la liste d'attente. Nous vous écrirons si une place se libère.",
        RegisterOutcome.PleaseConfirm => "Presque fini : ouvrez le lien que nous venons d'envoyer à {0} pour confirmer votre inscription.",
        RegisterOutcome.ConfirmationResent => "Cette adresse attend déjà sa confirmation : le lien vient d'être renvoyé à {0}.",
        RegisterOutcome.AlreadyRegistered => "Cette adresse e-mail est déjà inscrite à cet événement.",
        RegisterOutcome.MembersOnly => "Cet événement est réservé aux membres : connectez-vous pour vous inscrire.",
        RegisterOutcome.NotFound => "Cet événement n'existe pas.",
        _ => Reason ?? "Les inscriptions sont closes pour cet événement.",
    };

    public object[] MessageArgs => Outcome switch
    {
        RegisterOutcome.Waitlisted => [Registration?.WaitlistPosition ?? 0],
        RegisterOutcome.PleaseConfirm or RegisterOutcome.ConfirmationResent => [Registration?.Email ?? ""],
        _ => [],
    };
}

/// <summary>Registering, confirming and cancelling, for the pages and the API alike: rules, places in one transaction, then e-mail.</summary>
public sealed partial class RegistrationCommands(
    AppDbContext db, EventPlaces places, EventMailer mailer, Sites.NetworkMembership membership, TimeProvider clock, ILogger<RegistrationCommands> logger)
{
    public Task<Event?> LoadEventAsync(int eventId, CancellationToken ct) =>
        db.Events.AsNoTracking().Include(e => e.Site).FirstOrDefaultAsync(e => e.Id == eventId, ct);

    /// <summary>A member registers in one click, with the name, address and postcode of their account.</summary>
    public async Task<RegisterResult> RegisterMemberAsync(int eventId, AppUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var e = await LoadEventAsync(eventId, ct);
        if (e is null || !e.IsVisibleTo(await membership.NetworksOfAsync(user.Id, ct)))
        {
            return new RegisterResult(RegisterOutcome.NotFound);
        }
        if (Refusal(e) is { } refused)
        {
            return refused;
        }
        var registration = NewRegistration(e, user.DisplayName, user.Email ?? "", user.Postcode, user.Id);
        var result = await PlaceAsync(e, registration, ct);
        if (result.Outcome is RegisterOutcome.Registered or RegisterOutcome.Waitlisted)
        {
            await membership.JoinAsync(user.Id, e.Site!.NetworkId, ct);
        }
        return result;
    }

    /// <summary>Someone without an account: nothing is held until they open the link sent to their address.</summary>
    public async Task<RegisterResult> RegisterGuestAsync(int eventId, string name, string email, string? postcode, CancellationToken ct)
    {
        var e = await LoadEventAsync(eventId, ct);
        if (e is null || !e.IsVisibleTo([]))
        {
            return new RegisterResult(e?.Audience == EventAudience.Members && e.Status == EventStatus.Published
                ? RegisterOutcome.MembersOnly : RegisterOutcome.NotFound);
        }
        if (Refusal(e) is { } refused)
        {
            return refused;
        }
        var registration = NewRegistration(e, name.Trim(), email, string.IsNullOrWhiteSpace(postcode) ? null : postcode.Trim(), null);
        var existing = await ActiveAsync(e.Id, registration.Email, ct);
        if (existing is { Status: RegistrationStatus.Pending })
        {
            await MailSafelyAsync(() => mailer.SendPleaseConfirmAsync(existing, e, ct), existing.Id);
            return new RegisterResult(RegisterOutcome.ConfirmationResent, existing);
        }
        if (existing is not null)
        {
            return new RegisterResult(RegisterOutcome.AlreadyRegistered);
        }
        registration.Status = RegistrationStatus.Pending;
        db.EventRegistrations.Add(registration);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return new RegisterResult(RegisterOutcome.AlreadyRegistered);
        }
        await MailSafelyAsync(() => mailer.SendPleaseConfirmAsync(registration, e, ct), registration.Id);
        return new RegisterResult(RegisterOutcome.PleaseConfirm, registration);
    }

    /// <summary>The confirmation link was opened: the pending registration takes a place or a waitlist position.</summary>
    public async Task<RegisterResult> ConfirmAsync(int registrationId, CancellationToken ct)
    {
        var registration = await db.EventRegistrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == registrationId, ct);
        var e = registration is null ? null : await LoadEventAsync(registration.EventId, ct);
        if (registration is null || e is null || registration.Status == RegistrationStatus.Cancelled)
        {
            return new RegisterResult(RegisterOutcome.NotFound);
        }
        if (registration.Status != RegistrationStatus.Pending)
        {
            return new RegisterResult(registration.Status == RegistrationStatus.Waitlisted ? RegisterOutcome.Waitlisted : RegisterOutcome.Registered, registration);
        }
        if (Refusal(e) is { } refused)
        {
            return refused;
        }
        var (_, confirmed) = await EventTransaction.RunAsync(db, () => places.ConfirmPendingAsync(registrationId, ct), ct);
        db.ChangeTracker.Clear();
        registration = await db.EventRegistrations.AsNoTracking().FirstAsync(r => r.Id == registrationId, ct);
        if (confirmed)
        {
            await MailSafelyAsync(() => mailer.SendRegisteredAsync(registration, e, ct), registration.Id);
        }
        return new RegisterResult(registration.Status == RegistrationStatus.Waitlisted ? RegisterOutcome.Waitlisted : RegisterOutcome.Registered, registration);
    }

    /// <summary>Cancels a registration; the first in line gets the place and an e-mail. False when already cancelled.</summary>
    public async Task<bool> CancelAsync(int registrationId, CancellationToken ct)
    {
        var (_, result) = await EventTransaction.RunAsync(db, () => places.CancelAsync(registrationId, ct), ct);
        if (!result.Cancelled)
        {
            return false;
        }
        db.ChangeTracker.Clear();
        var registration = await db.EventRegistrations.AsNoTracking().FirstAsync(r => r.Id == registrationId, ct);
        var e = (await LoadEventAsync(registration.EventId, ct))!;
        await MailSafelyAsync(() => mailer.SendCancelledAsync(registration, e, ct), registration.Id);
        if (result.Promoted is { } promoted)
        {
            await MailSafelyAsync(() => mailer.SendPromotedAsync(promoted, e, ct), promoted.Id);
        }
        return true;
    }

    /// <summary>After a larger capacity: the waitlist moves up, and each person promoted gets an e-mail.</summary>
    public async Task<int> FillFromWaitlistAsync(int eventId, CancellationToken ct)
    {
        var (_, promoted) = await EventTransaction.RunAsync(db, () => places.FillFromWaitlistAsync(eventId, ct), ct);
        var e = await LoadEventAsync(eventId, ct);
        foreach (var r in promoted ?? [])
        {
            await MailSafelyAsync(() => mailer.SendPromotedAsync(r, e!, ct), r.Id);
        }
        return promoted?.Count ?? 0;
    }

    public Task<Registration?> ActiveAsync(int eventId, string email, CancellationToken ct)
    {
        var normalised = Registration.NormaliseEmail(email);
        return db.EventRegistrations.AsNoTracking()
            .FirstOrDefaultAsync(r => r.EventId == eventId && r.Email == normalised && r.CancelledAtUtc == null, ct);
    }

    public const string SlotTaken = "Ce créneau est déjà pris : choisissez-en un autre.";

    /// <summary>A one-to-one coaching slot has no waitlist: it is free or taken.</summary>
    public static bool HasWaitlist(Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return !(e.Kind == EventKind.Coaching && e.Capacity == 1);
    }

    private RegisterResult? Refusal(Event e) =>
        e.RegistrationClosedReason(clock.GetUtcNow().UtcDateTime) is { } reason ? new RegisterResult(RegisterOutcome.Closed, Reason: reason) : null;

    private Registration NewRegistration(Event e, string name, string email, string? postcode, string? userId) => new()
    {
        EventId = e.Id, UserId = userId, Name = name, Email = Registration.NormaliseEmail(email), Postcode = postcode,
        PriceCents = e.PriceCents, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
    };

    private async Task<RegisterResult> PlaceAsync(Event e, Registration registration, CancellationToken ct)
    {
        if (await ActiveAsync(e.Id, registration.Email, ct) is not null)
        {
            return new RegisterResult(RegisterOutcome.AlreadyRegistered);
        }
        var (outcome, placed) = await EventTransaction.RunAsync(db, () => places.PlaceAsync(registration, HasWaitlist(e), ct), ct);
        if (outcome == WriteOutcome.Duplicate)
        {
            return new RegisterResult(RegisterOutcome.AlreadyRegistered);
        }
        if (!placed)
        {
            return new RegisterResult(RegisterOutcome.Closed, Reason: await db.Events.AnyAsync(x => x.Id == e.Id && x.Status == EventStatus.Cancelled, ct) ? "Cet événement est annulé." : SlotTaken);
        }
        await MailSafelyAsync(() => mailer.SendRegisteredAsync(registration, e, ct), registration.Id);
        return new RegisterResult(registration.Status == RegistrationStatus.Waitlisted ? RegisterOutcome.Waitlisted : RegisterOutcome.Registered, registration);
    }

    /// <summary>The registration is committed: a failing mail server is logged, it does not undo it.</summary>
    private async Task MailSafelyAsync(Func<Task> send, int registrationId)
    {
        try
        {
            await send();
        }
#pragma warning disable CA1031 // any failure of the mail server is logged, the registration stands
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogMailFailed(logger, e, registrationId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Event registration {RegistrationId} is saved but its e-mail could not be sent.")]
    private static partial void LogMailFailed(ILogger logger, Exception e, int registrationId);
}
