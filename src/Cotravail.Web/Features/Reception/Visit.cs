using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Reception;

/// <summary>How someone came: with a booking, or without (a walk-in who bought a pass at reception).</summary>
public enum VisitKind
{
    Booked = 0,
    WalkIn = 1,
}

/// <summary>
/// What recorded the arrival: a host at the desk (the expected list, the member's card, a walk-in), the member
/// themselves with the site's arrival QR code, or the Wi-Fi (an accounting start from the site's access points).
/// </summary>
public enum VisitSource
{
    Desk = 0,
    ArrivalCode = 1,
    Wifi = 2,
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

    /// <summary>INSEE code of the person's commune at check-in, copied like <see cref="Postcode"/>; null when only the postcode is known.</summary>
    public string? CommuneInsee { get; set; }
    public VisitKind Kind { get; set; }

    /// <summary>What recorded the arrival.</summary>
    public VisitSource Source { get; set; }

    /// <summary>The booking honoured, for a booked visit.</summary>
    public int? BookingId { get; set; }

    /// <summary>The resource used (the booked one, or the desk pool a walk-in took).</summary>
    public int? ResourceId { get; set; }
    public Resource? Resource { get; set; }

    /// <summary>What the person used: « Réservation », « Pass journée » (with its invoice).</summary>
    public string Pass { get; set; } = "";
    public int? InvoiceId { get; set; }
}
