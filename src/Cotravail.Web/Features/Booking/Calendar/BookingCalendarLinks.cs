using Cotravail.Web.Common.Calendar;

namespace Cotravail.Web.Features.Booking.Calendar;

/// <summary>« Ajouter à mon agenda » for one booking: its .ics (owner only), Google Agenda and Outlook.</summary>
public static class BookingCalendarLinks
{
    public static string IcsPath(Booking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return $"/mes-reservations/{booking.Id}.ics";
    }

    /// <param name="root">The site's address (scheme and host), for the link back to « Mes réservations ».</param>
    /// <param name="context">Names the booking for screen readers.</param>
    public static CalendarLinks For(Booking booking, string root, string context)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var location = booking.Site is null ? null : $"{booking.Site.Name}, {booking.Site.Address}";
        var item = CalendarItem.Timed(BookingCalendar.Title(booking), booking.StartUtc, booking.EndUtc,
            $"Réservation Cotravail : {root}/mes-reservations", location);
        return CalendarLinks.For(item, IcsPath(booking), context);
    }
}
