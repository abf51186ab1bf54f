using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events.Manage;

/// <summary>
/// A host registers a person who phoned: the same places as online (<see cref="EventPlaces"/>: a place, or the waitlist
/// when full), one active registration per e-mail address, or per phone number for a person without one (their
/// stand-in address, <see cref="Registration.PhoneOnlyEmail"/>). A person with an address gets the usual e-mail.
/// </summary>
public sealed partial class PhoneRegistration(AppDbContext db, EventPlaces places, EventMailer mailer, TimeProvider clock, ILogger<PhoneRegistration> logger)
{
    public const string AlreadyRegistered = "Cette personne est déjà inscrite à cet événement (même adresse e-mail ou même téléphone).";

    public async Task<RegisterResult> RegisterAsync(Event e, PhoneInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow().UtcDateTime;
        if (Refusal(e, now) is { } reason)
        {
            return new RegisterResult(RegisterOutcome.Closed, Reason: reason);
        }
        var phone = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim();
        var registration = new Registration
        {
            EventId = e.Id, Name = input.Name!.Trim(), Phone = phone,
            Email = input.HasEmail ? Registration.NormaliseEmail(input.Email!) : Registration.PhoneOnlyEmail(phone!),
            Postcode = string.IsNullOrWhiteSpace(input.Postcode) ? null : input.Postcode.Trim(),
            PriceCents = e.PriceCents, CreatedAtUtc = now,
        };
        if (await db.EventRegistrations.AnyAsync(r => r.EventId == e.Id && r.Email == registration.Email && r.CancelledAtUtc == null, ct))
        {
            return new RegisterResult(RegisterOutcome.AlreadyRegistered, Reason: AlreadyRegistered);
        }
        var (outcome, placed) = await EventTransaction.RunAsync(db, () => places.PlaceAsync(registration, RegistrationCommands.HasWaitlist(e), ct), ct);
        if (outcome == WriteOutcome.Duplicate)
        {
            return new RegisterResult(RegisterOutcome.AlreadyRegistered, Reason: AlreadyRegistered);
        }
        if (!placed)
        {
            return new RegisterResult(RegisterOutcome.Closed, Reason: RegistrationCommands.SlotTaken);
        }
        if (registration.HasEmail)
        {
            try
            {
                await mailer.SendRegisteredAsync(registration, e, ct);
            }
#pragma warning disable CA1031 // the registration is saved; a failing mail server is logged
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogMailFailed(logger, ex, registration.Id);
            }
        }
        return new RegisterResult(registration.Status == RegistrationStatus.Waitlisted ? RegisterOutcome.Waitlisted : RegisterOutcome.Registered, registration);
    }

    /// <summary>A host may still register someone after online registrations close, until the event begins.</summary>
    private static string? Refusal(Event e, DateTime now) => e.Status switch
    {
        EventStatus.Cancelled => "Cet événement est annulé.",
        not EventStatus.Published => "Cet événement n'est pas encore publié.",
        _ when now >= e.StartUtc => "Cet événement est passé : les inscriptions sont closes.",
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Phone registration {RegistrationId} is saved but its e-mail could not be sent.")]
    private static partial void LogMailFailed(ILogger logger, Exception e, int registrationId);
}
