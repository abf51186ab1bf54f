using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Booking;

/// <summary>
/// Until when a member may cancel without charge: desks and offices until the site's cut-off the day before
/// (default 18:00), rooms and booths until a notice before the start (default 2 hours). Later is a late cancellation.
/// </summary>
public static class CancellationPolicy
{
    public static DateTime FreeUntilUtc(Site site, Booking booking)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(booking);
        return booking.Period is null
            ? booking.StartUtc.AddMinutes(-site.RoomCancelNoticeMinutes)
            : SiteTime.ToUtcLenient(SiteClock.Zone(site), booking.Date.AddDays(-1), site.DeskCancelCutoff);
    }

    public static bool IsLate(Site site, Booking booking, DateTime nowUtc) => nowUtc >= FreeUntilUtc(site, booking);

    /// <summary>A booking can be cancelled while it is confirmed and has not started.</summary>
    public static bool CanCancel(Booking booking, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return booking.Status == BookingStatus.Confirmed && nowUtc < booking.StartUtc;
    }
}
