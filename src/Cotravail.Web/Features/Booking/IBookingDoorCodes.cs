namespace Cotravail.Web.Features.Booking;

/// <summary>
/// The door code a booking's confirmation carries, as booking needs it: access implements it when a site gives personal
/// codes. Booking calls it before writing the confirmation and never reads access's tables.
/// </summary>
public interface IBookingDoorCodes
{
    /// <summary>For bookings at the site: the line to add under each (« Code de la porte : … »), or null when the site gives no personal code.</summary>
    Task<Func<Booking, string?>?> ForSiteAsync(int siteId, CancellationToken ct);
}
