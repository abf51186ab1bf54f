using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Booking.Calendar;

internal static class CalendarEndpoints
{
    public static void MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        // The token is the only credential: 48 hex characters, unguessable; a wrong one is a plain 404.
        app.MapGet("/calendrier/{token:regex(^[0-9a-f]{{48}}$)}.ics", async (string token, CalendarFeeds feeds, HttpRequest request, CancellationToken ct) =>
            await feeds.IcsAsync(token, request.Host.Host, ct) is { } ics
                ? Results.Text(ics, "text/calendar; charset=utf-8")
                : Results.NotFound())
            .ExcludeFromDescription();

        // One booking as a file to open in a calendar: its owner only; anyone else's booking is a plain 404.
        app.MapGet("/mes-reservations/{id:int}.ics", async (int id, CurrentUser me, AppDbContext db, HttpRequest request, CancellationToken ct) =>
            {
                var userId = me.RequiredId;
                var booking = await db.Bookings.AsNoTracking().Include(b => b.Site).Include(b => b.Resource)
                    .FirstOrDefaultAsync(b => b.Id == id && b.UserId == userId, ct);
                return booking is null
                    ? Results.NotFound()
                    : Results.File(System.Text.Encoding.UTF8.GetBytes(BookingCalendar.Write([booking], request.Host.Host)),
                        "text/calendar; charset=utf-8", $"reservation-{id}.ics");
            })
            .RequireAuthorization().ExcludeFromDescription();

        app.MapGet("/api/v1/me/calendar", async (CurrentUser me, CalendarFeeds feeds, HttpRequest request, CancellationToken ct) =>
            {
                var token = await feeds.TokenForAsync(me.RequiredId, ct);
                return Results.Ok(new { url = $"{request.Scheme}://{request.Host}/calendrier/{token}.ics" });
            })
            .RequireAuthorization(AccountsModule.ApiPolicy).WithTags("Réservations").WithName("MyCalendarFeed")
            .WithSummary("The secret URL of my calendar feed (iCalendar).");
    }
}
