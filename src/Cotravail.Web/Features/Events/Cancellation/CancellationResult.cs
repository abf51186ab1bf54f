namespace Cotravail.Web.Features.Events.Cancellation;

public enum CancellationOutcome
{
    Cancelled,
    NotFound,
    /// <summary>Cancelled before (by another host, or by a closure of the site): nothing changed, nobody told again.</summary>
    AlreadyCancelled,
    /// <summary>It has begun: what happened stays as it was.</summary>
    Started,
    /// <summary>A member's proposal (or a declined one): it is declined, not cancelled.</summary>
    Proposal,
}

/// <summary>Someone who held a place or waited for one when the event was cancelled: the person to tell.</summary>
/// <param name="PriceCents">What the registration would have cost (0 when free); it is no longer charged.</param>
public sealed record CancelledPerson(int RegistrationId, string Name, string Email, bool WasWaitlisted, int PriceCents);

/// <summary>
/// What cancelling an event did: the outcome, the event as it now stands (with its site), and the people to tell
/// (places and waitlist; a guest who never confirmed their address held nothing and is not written to).
/// </summary>
public sealed record CancellationResult(CancellationOutcome Outcome, Event? Event = null, IReadOnlyList<CancelledPerson>? People = null)
{
    public IReadOnlyList<CancelledPerson> Told => People ?? [];

    /// <summary>Why nothing was done (French, a localizer key), or null when the event was cancelled.</summary>
    public string? Refusal => Outcome switch
    {
        CancellationOutcome.Cancelled => null,
        CancellationOutcome.NotFound => "Cet événement n'existe pas.",
        CancellationOutcome.AlreadyCancelled => "Cet événement est déjà annulé : rien n'a changé et personne n'a été prévenu une seconde fois.",
        CancellationOutcome.Started => "Cet événement a déjà commencé : il ne peut plus être annulé.",
        _ => "Une proposition de membre ne s'annule pas : déclinez-la avec un message.",
    };
}
