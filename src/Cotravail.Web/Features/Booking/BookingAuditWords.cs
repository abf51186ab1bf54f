using Cotravail.Web.Common.Auditing;

namespace Cotravail.Web.Features.Booking;

/// <summary>The audit journal's French words for bookings (ADR 0044).</summary>
internal static class BookingAuditWords
{
    public static AuditFields<Booking> Booking => new AuditFields<Booking>("Réservation", "Réservations", feminine: true)
        .Site(nameof(Features.Booking.Booking.SiteId), "Espace")
        .Reference(nameof(Features.Booking.Booking.ResourceId), "Ressource")
        .Person(nameof(Features.Booking.Booking.UserId), "Membre")
        .Date(nameof(Features.Booking.Booking.Date), "Date")
        .Choice<Period>(nameof(Features.Booking.Booking.Period), "Période", p => p.French())
        .Time(nameof(Features.Booking.Booking.LocalStart), "Début")
        .Time(nameof(Features.Booking.Booking.LocalEnd), "Fin")
        .Instant(nameof(Features.Booking.Booking.StartUtc), "Début (heure exacte)")
        .Instant(nameof(Features.Booking.Booking.EndUtc), "Fin (heure exacte)")
        .Choice<BookingStatus>(nameof(Features.Booking.Booking.Status), "Statut", Status)
        .Money(nameof(Features.Booking.Booking.PriceCents), "Prix")
        .Reference(nameof(Features.Booking.Booking.SeriesId), "Série")
        .Instant(nameof(Features.Booking.Booking.CreatedAtUtc), "Réservée le")
        .Instant(nameof(Features.Booking.Booking.CancelledAtUtc), "Annulée le");

    private static string Status(BookingStatus status) => status switch
    {
        BookingStatus.Confirmed => "confirmée",
        BookingStatus.Cancelled => "annulée",
        BookingStatus.LateCancelled => "annulée tardivement",
        _ => "absence",
    };
}
