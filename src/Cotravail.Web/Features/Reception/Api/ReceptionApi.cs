using Cotravail.Web.Common.Security;
using System.Security.Claims;
using Cotravail.Web.Common.Api;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Reception.Api;

public sealed record ResourceOccupancyDto(int ResourceId, string Name, string Kind, int Capacity, int Present, int Free);

public sealed record OccupancyDto(int SiteId, string Site, int Present, int Capacity, IReadOnlyList<ResourceOccupancyDto> Resources);

public sealed record ExpectedDto(int BookingId, string Name, string Resource, string? Period, string Start, string End, string Status, bool Arrived, int NoShows);

public sealed record PresentDto(int VisitId, string Name, string? Resource, DateTime ArrivedAtUtc, string Kind, string Pass);

public sealed record MovementDto(DateTime AtUtc, string Name, string Kind);

/// <summary>
/// A site's day for its hosts. <c>Expected</c> lists all of today's bookings (<c>arrived</c> says who came); <c>OpenNow</c>
/// is false outside opening hours, with <c>NextOpening</c> the local time it opens (ISO 8601 with its offset).
/// </summary>
public sealed record TodayDto(
    int SiteId, DateOnly Date, IReadOnlyList<ExpectedDto> Expected, IReadOnlyList<PresentDto> Present,
    IReadOnlyList<ResourceOccupancyDto> Resources, IReadOnlyList<MovementDto> Movements, bool OpenNow, DateTimeOffset? NextOpening);

public sealed record VisitDto(int Id, int SiteId, string Name, DateOnly Date, DateTime ArrivedAtUtc, DateTime? DepartedAtUtc, string? Postcode, string Kind, string Pass, int? BookingId)
{
    public static VisitDto From(Visit v) => new(v.Id, v.SiteId, v.Visitor?.DisplayName ?? "", v.Date, v.ArrivedAtUtc, v.DepartedAtUtc, v.Postcode,
        v.Kind == VisitKind.WalkIn ? "walkIn" : "booked", v.Pass, v.BookingId);
}

/// <summary>An arrival: a booking of today, a member, or the token of a member's card.</summary>
public sealed record CheckInBody(int? BookingId, string? UserId, string? Code);

/// <summary>Reception for programs: the public occupancy of a site; today, arrivals and departures for its hosts.</summary>
internal static class ReceptionApi
{
    public static void MapReceptionApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/sites/{id:int}/occupancy", OccupancyAsync).WithTags("Accueil").WithName("SiteOccupancy")
            .WithSummary("People present now and capacity per resource (no names).");
        var hosts = app.MapGroup("/api/v1").WithTags("Accueil").RequireAuthorization(AccountsModule.ApiPolicy);
        hosts.MapGet("/sites/{id:int}/today", TodayAsync).WithName("SiteToday").RequireSiteStaff()
            .WithSummary("For the site's hosts: expected bookings, people present, free places, arrivals and departures.");
        hosts.MapPost("/sites/{id:int}/checkins", CheckInAsync).WithName("CheckIn").RequireSiteStaff()
            .Produces<VisitDto>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Records an arrival: bookingId, userId or code (the token of the member's card).");
        hosts.MapPost("/checkins/{id:int}/checkout", CheckOutAsync).WithName("CheckOut")
            .Produces<VisitDto>().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Records the departure of a visit.");
    }

    private static async Task<IResult> OccupancyAsync(int id, AppDbContext db, TodayQuery query, CancellationToken ct)
    {
        var site = await LoadAsync(db, id, ct);
        if (site is null)
        {
            return TypedResults.NotFound();
        }
        var resources = (await query.OccupancyAsync(site, ct)).Select(Dto).ToList();
        return TypedResults.Ok(new OccupancyDto(site.Id, site.Name, resources.Sum(r => r.Present), resources.Sum(r => r.Capacity), resources));
    }

    private static async Task<IResult> TodayAsync(int id, AppDbContext db, TodayQuery query, CancellationToken ct)
    {
        var site = await LoadAsync(db, id, ct);
        if (site is null)
        {
            return TypedResults.NotFound();
        }
        var v = await query.LoadAsync(site, ct);
        return TypedResults.Ok(new TodayDto(site.Id, v.Date,
            [.. v.Expected.Select(e => new ExpectedDto(e.BookingId, e.Name, e.Resource, e.Period?.ToString().ToLowerInvariant(),
                e.LocalStart.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), e.LocalEnd.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                e.Status.ToString(), e.Arrived, e.NoShows))],
            [.. v.Present.Select(p => new PresentDto(p.VisitId, p.Name, p.Resource, p.ArrivedAtUtc, p.Kind == VisitKind.WalkIn ? "walkIn" : "booked", p.Pass))],
            [.. v.Resources.Select(Dto)],
            [.. v.Movements.Select(m => new MovementDto(m.AtUtc, m.Name, m.Arrival ? "arrival" : "departure"))],
            v.Open.IsOpen, v.Open.NextOpeningLocal is { } opens ? new DateTimeOffset(opens, SiteClock.Zone(site).GetUtcOffset(opens)) : null));
    }

    private static async Task<IResult> CheckInAsync(
        int id, CheckInBody? body, AppDbContext db, Arrivals arrivals, CancellationToken ct)
    {
        var site = await LoadAsync(db, id, ct);
        if (site is null)
        {
            return TypedResults.NotFound();
        }
        ArrivalResult result;
        if (body?.BookingId is { } bookingId)
        {
            result = await arrivals.CheckInBookingAsync(site, bookingId, ct);
        }
        else if (!string.IsNullOrWhiteSpace(body?.UserId))
        {
            result = await arrivals.CheckInMemberAsync(site, body.UserId, ct);
        }
        else if (!string.IsNullOrWhiteSpace(body?.Code))
        {
            result = await arrivals.CheckInByCardAsync(site, body.Code, ct);
        }
        else
        {
            return ApiProblems.Invalid("code", "Indiquez bookingId, userId ou code (la carte du membre).");
        }
        return result.Ok ? TypedResults.Created($"/api/v1/checkins/{result.Visit!.Id}", VisitDto.From(result.Visit)) : Problem(result);
    }

    private static async Task<IResult> CheckOutAsync(int id, AppDbContext db, StaffAccess staff, Arrivals arrivals, CancellationToken ct)
    {
        var siteId = await db.Visits.Where(v => v.Id == id).Select(v => (int?)v.SiteId).FirstOrDefaultAsync(ct);
        if (siteId is null)
        {
            return ApiProblems.NotFound("Ce passage n'existe pas : aucune arrivée n'a été enregistrée sous ce numéro.");
        }
        if (!await staff.CanActOnSiteAsync(siteId.Value, ct))
        {
            return TypedResults.Forbid();
        }
        var result = await arrivals.CheckOutAsync(id, siteId, ct);
        return result.Ok ? TypedResults.Ok(VisitDto.From(result.Visit!)) : Problem(result);
    }

    private static IResult Problem(ArrivalResult result) => result.Outcome switch
    {
        ArrivalOutcome.UnknownCode or ArrivalOutcome.UnknownPerson or ArrivalOutcome.NoPostcode => ApiProblems.Unprocessable(result.Message),
        _ => ApiProblems.Conflict(result.Message),
    };

    private static ResourceOccupancyDto Dto(ResourceNow r) =>
        new(r.ResourceId, r.Name, r.Kind switch
        {
            ResourceKind.DeskPool => "deskPool",
            ResourceKind.PrivateOffice => "privateOffice",
            ResourceKind.MeetingRoom => "meetingRoom",
            _ => "phoneBooth",
        }, r.Capacity, r.Present, r.Free);

    private static Task<Site?> LoadAsync(AppDbContext db, int id, CancellationToken ct) =>
        db.Sites.AsNoTracking().Include(s => s.Resources).FirstOrDefaultAsync(s => s.Id == id && !s.IsArchived, ct);
}
