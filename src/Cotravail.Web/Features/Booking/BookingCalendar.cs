using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Cotravail.Web.Features.Booking;

/// <summary>Bookings as iCalendar (RFC 5545) with Ical.Net: the e-mail attachment and the member's private feed.</summary>
public static class BookingCalendar
{
    public static string Write(IEnumerable<Booking> bookings, string host)
    {
        ArgumentNullException.ThrowIfNull(bookings);
        var calendar = new Ical.Net.Calendar { ProductId = "-//Cotravail//Réservations//FR" };
        calendar.AddProperty("X-WR-CALNAME", "Cotravail – mes réservations");
        foreach (var b in bookings)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"booking-{b.Id}@{host}",
                Summary = Title(b),
                Location = b.Site is null ? null : $"{b.Site.Name}, {b.Site.Address}",
                Start = new CalDateTime(DateTime.SpecifyKind(b.StartUtc, DateTimeKind.Utc), CalDateTime.UtcTzId),
                End = new CalDateTime(DateTime.SpecifyKind(b.EndUtc, DateTimeKind.Utc), CalDateTime.UtcTzId),
                Status = b.IsActive ? EventStatus.Confirmed : EventStatus.Cancelled,
                DtStamp = new CalDateTime(DateTime.SpecifyKind(b.CreatedAtUtc, DateTimeKind.Utc), CalDateTime.UtcTzId),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    public static string Title(Booking b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var what = b.Resource?.Name ?? "Réservation";
        var where = b.Site?.Name;
        var period = b.Period is { } p ? $" ({p.French()})" : "";
        return where is null ? what + period : $"{what}{period} – {where}";
    }
}
