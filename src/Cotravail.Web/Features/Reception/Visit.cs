using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Reception;

/// <summary>How someone came: with a booking, or without (a walk-in who bought a pass at reception).</summary>
public enum VisitKind
{
    Booked = 0,
    WalkIn = 1,
}

/// <summary>
/// A person reception welcomes: a member (with an account) or someone who came once without one. The name is kept with a
/// normalised copy (<see cref="SearchKey"/>: no accents, lower case) so reception finds « Helene » when typing « hél ».
/// </summary>
public sealed class Visitor
{
    public int Id { get; set; }

    /// <summary>The member's account, when they have one (unique: one visitor per account).</summary>
    public string? UserId { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string SearchKey { get; set; } = "";
    public string? Email { get; set; }

    /// <summary>Postcode of residence (feeds the observatory).</summary>
    public string? Postcode { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    public string DisplayName => $"{FirstName} {LastName}".Trim();
}

/// <summary>
/// One passage at a site: arrival, departure, how the person came and what they used. An open visit (no departure)
/// means « present now »; the database lets a person hold one open visit at a time, anywhere.
/// </summary>
public sealed class Visit
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public Site? Site { get; set; }
    public int VisitorId { get; set; }
    public Visitor? Visitor { get; set; }
    public string? UserId { get; set; }

    /// <summary>The site-local day of the arrival.</summary>
    public DateOnly Date { get; set; }
    public DateTime ArrivedAtUtc { get; set; }
    public DateTime? DepartedAtUtc { get; set; }
    public string? Postcode { get; set; }
    public VisitKind Kind { get; set; }

    /// <summary>The booking honoured, for a booked visit.</summary>
    public int? BookingId { get; set; }

    /// <summary>The resource used (the booked one, or the desk pool a walk-in took).</summary>
    public int? ResourceId { get; set; }
    public Resource? Resource { get; set; }

    /// <summary>What the person used: « Réservation », « Pass journée » (with its invoice).</summary>
    public string Pass { get; set; } = "";
    public int? InvoiceId { get; set; }
}

/// <summary>The no-show run of one site on one day: its row is the claim, so each site's day is processed once.</summary>
public sealed class NoShowRun
{
    public int SiteId { get; set; }
    public DateOnly Date { get; set; }
    public DateTime RanAtUtc { get; set; }
    public int NoShows { get; set; }
}

/// <summary>A site's secret for the day's self check-in code (an HMAC of the site and the date).</summary>
public sealed class ArrivalKey
{
    public int SiteId { get; set; }
    public byte[] Secret { get; set; } = [];
}
