namespace Cotravail.Web.Features.Events;

public enum RegistrationStatus
{
    /// <summary>A person without an account who has not yet clicked the link sent by e-mail: holds no place.</summary>
    Pending = 0,
    /// <summary>Holds a place.</summary>
    Confirmed = 1,
    /// <summary>On the waitlist, at <see cref="Registration.WaitlistPosition"/>.</summary>
    Waitlisted = 2,
    Cancelled = 3,
    /// <summary>
    /// The event was moved: still holds its place (counted in <see cref="Event.Registered"/>) until the person confirms
    /// the new date (back to <see cref="Confirmed"/>), declines it, or the new date's registrations close
    /// (<see cref="Moving.MoveDeadline"/>), when the place goes to the waitlist.
    /// </summary>
    ToConfirm = 4,
}

/// <summary>
/// A person's registration to an event: a member (<see cref="UserId"/>) or someone without an account (name, e-mail,
/// postcode). One active registration per event and e-mail address (a unique key on the active rows).
/// </summary>
public sealed class Registration
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public Event? Event { get; set; }
    public string? UserId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Lower-case, trimmed.</summary>
    public string Email { get; set; } = "";

    /// <summary>
    /// A phone number, for a person a host registered by phone. Without an e-mail address, <see cref="Email"/> holds a
    /// stand-in under <see cref="PhoneOnlyDomain"/> (never mailed: see <see cref="HasEmail"/>), which keeps one active
    /// registration per number through the unique key on addresses.
    /// </summary>
    public string? Phone { get; set; }

    /// <summary>Where the person lives (the observatory counts origins).</summary>
    public string? Postcode { get; set; }

    public RegistrationStatus Status { get; set; }
    public int? WaitlistPosition { get; set; }

    /// <summary>The event's price when registering, in euro cents (Billing will charge it).</summary>
    public int PriceCents { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When the person got a place (registered, or promoted from the waitlist).</summary>
    public DateTime? ConfirmedAtUtc { get; set; }

    public DateTime? CancelledAtUtc { get; set; }

    /// <summary>Taken by a host after the event: true present, false absent, null not taken yet.</summary>
    public bool? Attended { get; set; }

    public DateTime? ReminderSentAtUtc { get; set; }

    /// <summary>A reminder job holds this registration until then (a lease); after it, another run may take it.</summary>
    public DateTime? ReminderClaimedUntilUtc { get; set; }

    /// <summary>The run holding the lease.</summary>
    public Guid? ReminderClaimId { get; set; }

    /// <summary>The invitation to rate the event, sent once after it (same claim-and-mark pattern as the reminder).</summary>
    public DateTime? RatingInviteSentAtUtc { get; set; }
    public DateTime? RatingInviteClaimedUntilUtc { get; set; }
    public Guid? RatingInviteClaimId { get; set; }

    public bool IsActive => Status is not RegistrationStatus.Cancelled;

    /// <summary>Counted in the event's places: confirmed, or asked to confirm a new date.</summary>
    public bool HoldsPlace => Status is RegistrationStatus.Confirmed or RegistrationStatus.ToConfirm;

    /// <summary>The end of the stand-in address of a person registered by phone only (« .invalid » is never delivered).</summary>
    public const string PhoneOnlyDomain = "@telephone.invalid";

    /// <summary>False for a person registered by phone only.</summary>
    public bool HasEmail => !Email.EndsWith(PhoneOnlyDomain, StringComparison.Ordinal);

    /// <summary>The stand-in address of a phone number (its digits): « telephone-0565000000@telephone.invalid ».</summary>
    public static string PhoneOnlyEmail(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        return "telephone-" + new string([.. phone.Where(char.IsAsciiDigit)]) + PhoneOnlyDomain;
    }

    public static string NormaliseEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }
}
