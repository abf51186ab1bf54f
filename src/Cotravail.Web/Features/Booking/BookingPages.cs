using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.Booking;

/// <summary>
/// Who may open the booking pages: the week of availability is public; booking and « Mes réservations » need an
/// account; the day's bookings of a site need the Host policy (hosts and managers), the page then checks the site.
/// </summary>
public static class BookingPages
{
    public static IServiceCollection AddBookingPages(this IServiceCollection services) =>
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizePage("/Booking/Book/Book");
            o.Conventions.AuthorizeFolder("/Booking/Mine");
            o.Conventions.AuthorizeFolder("/Booking/HostDay", Roles.Host);
        });
}
