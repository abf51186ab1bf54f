using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Booking;

/// <summary>A recurring booking: the same period or time span on chosen weekdays, every N weeks.</summary>
public sealed class BookingSeries
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public int ResourceId { get; set; }
    public string Description { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}
