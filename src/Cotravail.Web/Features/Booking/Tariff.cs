using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Booking;

/// <summary>The site's price for a booking (recorded on the booking so that billing charges what applied).</summary>
public static class Tariff
{
    public static int PriceCents(Site site, ResourceKind kind, Period? period, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(site);
        return kind switch
        {
            ResourceKind.DeskPool => period == Period.Day ? site.DayPriceCents : site.HalfDayPriceCents,
            ResourceKind.PrivateOffice => period == Period.Day ? site.OfficeDayPriceCents : site.OfficeHalfDayPriceCents,
            ResourceKind.MeetingRoom => HourlyCents(site.RoomHourPriceCents, duration),
            ResourceKind.PhoneBooth => HourlyCents(site.BoothHourPriceCents, duration),
            _ => 0,
        };
    }

    /// <summary>An hourly price for a whole number of half hours, exact to the cent (half an hour: half the price, rounded up).</summary>
    private static int HourlyCents(int hourCents, TimeSpan duration)
    {
        var halfHours = (int)(duration.Ticks / TimeSpan.FromMinutes(30).Ticks);
        return ((hourCents * halfHours) + 1) / 2;
    }

    public static bool IsHourly(this ResourceKind kind) => kind is ResourceKind.MeetingRoom or ResourceKind.PhoneBooth;

    /// <summary>How many bookings a resource takes at once: every desk of a pool; an office, a room or a booth is one unit.</summary>
    public static int BookableUnits(this Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Kind == ResourceKind.DeskPool ? resource.Capacity : 1;
    }
}
