namespace Cotravail.Web.Features.Booking;

/// <summary>
/// Booked places of a desk pool or office on one day, per half. The database guards capacity with
/// <c>UPDATE … SET Morning = Morning + 1 WHERE Morning &lt; capacity</c>: two requests never both take the last place.
/// </summary>
public sealed class DeskDay
{
    public int ResourceId { get; set; }
    public DateOnly Date { get; set; }
    public int Morning { get; set; }
    public int Afternoon { get; set; }
}

/// <summary>One member on one half-day of one desk resource: unique, so a member cannot hold two overlapping bookings.</summary>
public sealed class BookedHalf
{
    public int ResourceId { get; set; }
    public DateOnly Date { get; set; }
    public HalfDay Half { get; set; }
    public string UserId { get; set; } = "";
    public int BookingId { get; set; }
}

/// <summary>One 30-minute slot of an hourly resource (UTC start): unique, so a room is never booked twice.</summary>
public sealed class BookedSlot
{
    public int ResourceId { get; set; }
    public DateTime StartUtc { get; set; }
    public int BookingId { get; set; }
}
