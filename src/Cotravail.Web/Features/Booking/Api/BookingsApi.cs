using Cotravail.Web.Features.Sites;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Cotravail.Web.Common.Api;
using Cotravail.Web.Common.Idempotency;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Booking.Api;

/// <summary>Bookings for programs: book, read, cancel, list mine; the public availability of a site.</summary>
internal static class BookingsApi
{
    public static void MapBookingsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/sites/{id:int}/availability", AvailabilityAsync)
            .WithTags("Réservations").WithName("SiteAvailability")
            .CacheOutput(AvailabilityCache.Policy, excludeDefaultPolicy: true)
            .WithSummary("Per resource and day: capacity, booked, free; free slots of rooms and booths. At most 62 days.");

        var bookings = app.MapGroup("/api/v1/bookings").WithTags("Réservations").RequireAuthorization(AccountsModule.ApiPolicy);
        bookings.MapPost("/", CreateAsync).WithName("CreateBooking")
            .Accepts<BookingBody>("application/json")
            .Produces<BookingDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Book a desk (date + period) or a room (start + end). Idempotency-Key makes a retry safe.");
        bookings.MapGet("/{id:int}", GetAsync).WithName("GetBooking");
        bookings.MapDelete("/{id:int}", CancelAsync).WithName("CancelBooking")
            .WithSummary("Cancel: free before the cut-off, kept as a late cancellation after it.");

        app.MapGet("/api/v1/me/bookings", MineAsync).WithTags("Réservations").WithName("MyBookings")
            .RequireAuthorization(AccountsModule.ApiPolicy);
    }

    private static async Task<Results<Ok<SiteAvailability>, NotFound, ValidationProblem>> AvailabilityAsync(
        int id, Day? from, Day? to, AvailabilityQuery query, CancellationToken ct)
    {
        var site = await query.LoadSiteAsync(id, ct);
        if (site is null)
        {
            return TypedResults.NotFound();
        }
        var start = from?.Date ?? query.Today(site);
        if (!DayRange.TryCreate(start, to?.Date ?? start.AddDays(6), out var days, out var problem, maxDays: Availability.MaxDays))
        {
            return ApiProblems.Invalid(DayRange.EndField, problem);
        }
        return TypedResults.Ok(await query.ComputeAsync(site, days.From, days.To, ct));
    }

    private static async Task<IResult> CreateAsync(
        HttpRequest request, CurrentUser me, BookingCommands commands, IdempotencyStore idempotency, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var raw = await reader.ReadToEndAsync(ct);
        var userId = me.RequiredId;
        var key = request.Headers[IdempotencyStore.Header].ToString();
        if (string.IsNullOrEmpty(key))
        {
            return IdempotencyStore.ToResult(await BookAsync(raw, userId, request.Host.Host, commands, ct));
        }
        var hash = IdempotencyStore.Hash("POST", "/api/v1/bookings", raw);
        return await idempotency.RunAsync(userId, key, hash, () => BookAsync(raw, userId, request.Host.Host, commands, ct), ct);
    }

    private static async Task<StoredResponse> BookAsync(string raw, string userId, string host, BookingCommands commands, CancellationToken ct)
    {
        BookingBody? body;
        try
        {
            body = string.IsNullOrWhiteSpace(raw) ? null : JsonSerializer.Deserialize<BookingBody>(raw, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return ApiProblems.Stored.BadRequest(ApiProblems.MalformedBody);
        }
        var (parsed, errors) = BookingBodyParser.Parse(body);
        if (parsed is null)
        {
            return ApiProblems.Stored.Invalid(errors);
        }
        var result = await commands.BookAsync(userId, parsed, host, ct);
        return result.Outcome switch
        {
            BookOutcome.Booked => new StoredResponse(201, BookingDto.From(result.Booking!), $"/api/v1/bookings/{result.Booking!.Id}"),
            BookOutcome.Invalid or BookOutcome.UnknownResource => ApiProblems.Stored.Invalid(result.Errors!.ToDictionary()),
            _ => ApiProblems.Stored.Conflict(result.Message),
        };
    }

    private static async Task<Results<Ok<BookingDto>, NotFound>> GetAsync(
        int id, CurrentUser me, AppDbContext db, StaffAccess staff, CancellationToken ct)
    {
        var booking = await db.Bookings.AsNoTracking().Include(b => b.Site).Include(b => b.Resource).FirstOrDefaultAsync(b => b.Id == id, ct);
        if (booking is null || (booking.UserId != me.Id && !await staff.CanActOnSiteAsync(booking.SiteId, ct)))
        {
            return TypedResults.NotFound(); // another member's booking is not revealed
        }
        return TypedResults.Ok(BookingDto.From(booking));
    }

    private static async Task<IResult> CancelAsync(
        int id, CurrentUser me, AppDbContext db, StaffAccess staff, BookingCommands commands, CancellationToken ct)
    {
        var userId = me.RequiredId;
        var siteId = await db.Bookings.Where(b => b.Id == id).Select(b => (int?)b.SiteId).FirstOrDefaultAsync(ct);
        var asStaff = siteId is { } s && await staff.CanActOnSiteAsync(s, ct);
        var (outcome, booking) = await commands.CancelAsync(id, userId, asStaff, ct);
        return outcome switch
        {
            CancelOutcome.NotFound => TypedResults.NotFound(),
            CancelOutcome.TooLate => ApiProblems.Conflict(booking!.Status == BookingStatus.Confirmed
                ? "Cette réservation a déjà commencé : elle ne peut plus être annulée."
                : "Cette réservation est déjà annulée."),
            _ => TypedResults.Ok(BookingDto.From(booking!)),
        };
    }

    private static async Task<Ok<List<BookingDto>>> MineAsync(CurrentUser me, AppDbContext db, CancellationToken ct)
    {
        var userId = me.Id;
        var list = await db.Bookings.AsNoTracking().Include(b => b.Site).Include(b => b.Resource)
            .Where(b => b.UserId == userId).OrderByDescending(b => b.StartUtc).Take(500).ToListAsync(ct);
        return TypedResults.Ok(list.Select(BookingDto.From).ToList());
    }
}
