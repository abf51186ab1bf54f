using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Booking;

/// <summary>
/// A member's claim on a resource: a desk or office for a period of a day, or a room or booth for a span of time.
/// <see cref="Date"/> is the site-local day; <see cref="StartUtc"/>/<see cref="EndUtc"/> the instants it covers.
/// </summary>
public sealed class Booking
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public Site? Site { get; set; }
    public int ResourceId { get; set; }
    public Resource? Resource { get; set; }
    public string UserId { get; set; } = "";
    public AppUser? User { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>Set for desks and offices; null for hourly bookings.</summary>
    public Period? Period { get; set; }

    public TimeOnly LocalStart { get; set; }
    public TimeOnly LocalEnd { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }

    public BookingStatus Status { get; set; }

    /// <summary>The price that applied when booked, in euro cents (billing charges it).</summary>
    public int PriceCents { get; set; }

    /// <summary>The recurring series it belongs to, if any.</summary>
    public int? SeriesId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime? CancelledAtUtc { get; set; }

    public bool IsActive => Status == BookingStatus.Confirmed;
}
