namespace Cotravail.Web.Features.Booking;

/// <summary>One 30-minute slot of an hourly resource (UTC start): unique, so a room is never booked twice.</summary>
public sealed class BookedSlot
{
    public int ResourceId { get; set; }
    public DateTime StartUtc { get; set; }
    public int BookingId { get; set; }
}
