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
