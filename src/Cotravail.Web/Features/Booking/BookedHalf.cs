namespace Cotravail.Web.Features.Booking;

/// <summary>One member on one half-day of one desk resource: unique, so a member cannot hold two overlapping bookings.</summary>
public sealed class BookedHalf
{
    public int ResourceId { get; set; }
    public DateOnly Date { get; set; }
    public HalfDay Half { get; set; }
    public string UserId { get; set; } = "";
    public int BookingId { get; set; }
}
