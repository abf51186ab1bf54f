using Cotravail.Web.Common.Auditing;
using Cotravail.Web.Common.PersonalData;
using Cotravail.Web.Common.Idempotency;
using Cotravail.Web.Features.Booking.Api;

namespace Cotravail.Web.Features.Booking;

/// <summary>Booking: availability, desks by the period, rooms by the hour, series, cancellations, calendar feeds.</summary>
public static class BookingModule
{
    public static WebApplicationBuilder AddBooking(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<BookingService>();
        s.AddScoped<BookingCommands>();
        s.AddScoped<Sites.Impact.ISiteChangeImpact, Impact.BookingSiteChangeImpact>();
        s.AddSingleton<BookingIds>();
        s.AddPersonalData<BookingPersonalData>();
        s.AddAudited<Booking>("Booking", "Réservation d'une autre personne", b => AuditScope.OfSite(b.SiteId), b => b.UserId, onlyOthers: true, fields: BookingAuditWords.Booking);
        s.AddScoped<BookingMailer>();
        s.AddScoped<AvailabilityQuery>();
        s.AddScoped<IdempotencyStore>();
        s.AddHostedService<IdempotencyCleanup>();
        s.AddScoped<Series.SeriesCommands>();
        s.AddScoped<Calendar.CalendarFeeds>();
        s.AddBookingPages();
        return builder;
    }

    public static WebApplication MapBooking(this WebApplication app)
    {
        app.MapBookingsApi();
        Series.SeriesApi.MapSeriesApi(app);
        Calendar.CalendarEndpoints.MapCalendarFeeds(app);
        return app;
    }
}
