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

    public static string NormaliseEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }
}
