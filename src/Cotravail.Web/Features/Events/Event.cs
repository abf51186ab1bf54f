using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Events;

/// <summary>
/// An event of a site's agenda (workshop, training, talk…). It belongs to the site that runs it (whose hosts manage it
/// and whose time zone it is read in); it takes place there, or online when <see cref="OnlineUrl"/> is set.
/// <see cref="Registered"/> and <see cref="LastWaitlistPosition"/> are counters the database guards
/// (see <see cref="EventPlaces"/>): a check constraint keeps <c>Registered ≤ Capacity</c>.
/// </summary>
public sealed class Event
{
    public const int MaxCapacity = 10_000;

    public int Id { get; set; }
    public int SiteId { get; set; }
    public Site? Site { get; set; }
    public EventKind Kind { get; set; }
    public string Title { get; set; } = "";

    /// <summary>Markdown, shown as sanitised HTML (<see cref="EventText"/>).</summary>
    public string Description { get; set; } = "";

    /// <summary>Set for an online event: the link to join.</summary>
    public string? OnlineUrl { get; set; }

    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public int Capacity { get; set; }
    public int Registered { get; set; }
    public int LastWaitlistPosition { get; set; }

    /// <summary>
    /// 0 for a free event. Paid events carry their price in euro cents until Billing offers products: Billing will
    /// then link a product here and charge each registration (the price is copied onto <see cref="Registration.PriceCents"/>).
    /// </summary>
    public int PriceCents { get; set; }

    public EventAudience Audience { get; set; }
    public OrganiserKind OrganiserKind { get; set; }
    public string OrganiserName { get; set; } = "";

    /// <summary>Comma-separated tags (« numérique, emploi »).</summary>
    public string? Tags { get; set; }

    /// <summary>Registrations close this many minutes before the start (default 2 hours).</summary>
    public int RegistrationCloseMinutes { get; set; } = 120;

    public EventStatus Status { get; set; }

    /// <summary>Why the hosts (or a closure of the site) cancelled it, shown on its page and in the e-mail each person got.</summary>
    public string? CancellationReason { get; set; }

    public DateTime? CancelledAtUtc { get; set; }

    /// <summary>The events created together by one recurrence share this id.</summary>
    public Guid? SeriesId { get; set; }

    /// <summary>Who created it: a host, or the member who proposed it.</summary>
    public string? CreatedByUserId { get; set; }

    /// <summary>The host's message to the member when a proposal is declined.</summary>
    public string? ReviewMessage { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    public int Remaining => Math.Max(0, Capacity - Registered);
    public bool IsOnline => !string.IsNullOrEmpty(OnlineUrl);
    public bool IsFree => PriceCents == 0;
    public DateTime RegistrationClosesAtUtc => StartUtc.AddMinutes(-RegistrationCloseMinutes);

    public IEnumerable<string> TagList =>
        (Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Why nobody can register now (French, a localizer key), or null when registration is open.</summary>
    public string? RegistrationClosedReason(DateTime nowUtc) => Status switch
    {
        EventStatus.Cancelled => "Cet événement est annulé.",
        not EventStatus.Published => "Cet événement n'est pas encore publié.",
        _ when nowUtc >= StartUtc => "Cet événement est passé : les inscriptions sont closes.",
        _ when nowUtc >= RegistrationClosesAtUtc => "Les inscriptions sont closes pour cet événement.",
        _ => null,
    };

    /// <summary>
    /// Who may see it: published, and public or seen by someone who belongs to its network (<paramref name="memberOf"/>:
    /// the networks of the person asking, none when signed out). Needs <see cref="Site"/>.
    /// </summary>
    public bool IsVisibleTo(IReadOnlyCollection<int> memberOf)
    {
        ArgumentNullException.ThrowIfNull(memberOf);
        return (Status is EventStatus.Published or EventStatus.Cancelled)
            && (Audience == EventAudience.Public || memberOf.Contains(Site?.NetworkId ?? throw new InvalidOperationException("The event's site is not loaded.")));
    }
}
