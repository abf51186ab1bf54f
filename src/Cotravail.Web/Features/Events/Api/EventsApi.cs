using Cotravail.Web.Features.Sites;
using System.Globalization;
using System.Security.Claims;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Common.Api;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events.Api;

/// <summary>The agenda for programs: events (public ones for everyone, members' ones for people signed in), registrations.</summary>
internal static class EventsApi
{
    public static void MapEventsApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/v1/events").WithTags("Animation");
        events.MapGet("/", ListAsync).WithName("ListEvents")
            .WithSummary("Published events, soonest first. Filters: site (id or slug), kind (workshop, training, coaching, talk, social, visit), month (YYYY-MM) or from/to (YYYY-MM-DD).");
        events.MapGet("/{id:int}", GetAsync).WithName("GetEvent");
        events.MapPost("/{id:int}/registrations", RegisterAsync).WithName("RegisterToEvent")
            .RequireAuthorization(AccountsModule.ApiPolicy)
            .Produces<RegistrationDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Registers the signed-in member: a place, or the next position on the waitlist when full.");
        app.MapDelete("/api/v1/registrations/{id:int}", CancelAsync).WithName("CancelRegistration").WithTags("Animation")
            .RequireAuthorization(AccountsModule.ApiPolicy)
            .WithSummary("Cancels my registration (a host may cancel any registration of their sites); the first in line gets the place.");
    }

    private static async Task<Results<Ok<List<EventDto>>, ValidationProblem>> ListAsync(
        HttpContext http, string? site, int? siteId, string? kind, string? month, Day? from, Day? to,
        AgendaQuery agenda, AppDbContext db, Sites.NetworkMembership membership, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        int? chosenSite = siteId;
        if (!string.IsNullOrEmpty(site))
        {
            chosenSite = int.TryParse(site, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? id
                : await db.Sites.Where(s => s.Slug == site).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
            if (chosenSite is null)
            {
                errors["site"] = ["Aucun espace ne porte ce nom (utilisez l'identifiant ou le nom court d'un espace)."];
            }
        }
        var chosenKind = EventKindText.Parse(kind);
        if (!string.IsNullOrEmpty(kind) && chosenKind is null)
        {
            errors["kind"] = ["Le type doit être workshop, training, coaching, talk, social ou visit."];
        }
        DateOnly? first = null, last = null;
        if (!string.IsNullOrEmpty(month))
        {
            if (AgendaFilter.TryMonth(month, out var f, out var l))
            {
                (first, last) = (f, l);
            }
            else
            {
                errors["month"] = ["Le mois doit s'écrire AAAA-MM, par exemple 2026-12 (entre 2000 et 2100)."];
            }
        }
        first = from?.Date ?? first;
        last = to?.Date ?? last;
        if (first is { } a && last is { } b && !DayRange.TryCreate(a, b, out _, out var problem))
        {
            errors[DayRange.EndField] = [problem];
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }
        var memberOf = await membership.NetworksOfAsync(await UserIdAsync(http), ct);
        var list = await agenda.ListAsync(new AgendaFilter(chosenSite, chosenKind, first, last), memberOf, ct);
        return TypedResults.Ok(list.Select(e => EventDto.From(e, BaseUrl(http))).ToList());
    }

    private static async Task<Results<Ok<EventDto>, NotFound>> GetAsync(
        int id, HttpContext http, RegistrationCommands commands, Sites.NetworkMembership membership, CancellationToken ct)
    {
        var e = await commands.LoadEventAsync(id, ct);
        return e is null || !e.IsVisibleTo(await membership.NetworksOfAsync(await UserIdAsync(http), ct))
            ? TypedResults.NotFound()
            : TypedResults.Ok(EventDto.From(e, BaseUrl(http)));
    }

    private static async Task<IResult> RegisterAsync(int id, ClaimsPrincipal user, UserManager<AppUser> users, RegistrationCommands commands, CancellationToken ct)
    {
        var member = await users.GetUserAsync(user);
        if (member is null)
        {
            return TypedResults.Unauthorized();
        }
        var result = await commands.RegisterMemberAsync(id, member, ct);
        return result.Outcome switch
        {
            RegisterOutcome.Registered or RegisterOutcome.Waitlisted =>
                TypedResults.Created($"/api/v1/registrations/{result.Registration!.Id}", RegistrationDto.From(result.Registration)),
            RegisterOutcome.NotFound => TypedResults.NotFound(),
            _ => ApiProblems.Conflict(result.Message),
        };
    }

    private static async Task<IResult> CancelAsync(
        int id, CurrentUser me, AppDbContext db, StaffAccess staff, RegistrationCommands commands, CancellationToken ct)
    {
        var userId = me.Id;
        var registration = await db.EventRegistrations.AsNoTracking().Include(r => r.Event).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (registration is null || (registration.UserId != userId && !await staff.CanActOnSiteAsync(registration.Event!.SiteId, ct)))
        {
            return TypedResults.NotFound(); // another person's registration is not revealed
        }
        if (!await commands.CancelAsync(id, ct))
        {
            return ApiProblems.Conflict("Cette inscription est déjà annulée.");
        }
        var cancelled = await db.EventRegistrations.AsNoTracking().FirstAsync(r => r.Id == id, ct);
        return TypedResults.Ok(RegistrationDto.From(cancelled));
    }

    /// <summary>Who is signed in with the cookie or a bearer token (the list is open to everyone, so nothing requires either).</summary>
    private static async Task<string?> UserIdAsync(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            return http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        }
        var bearer = await http.AuthenticateAsync(IdentityConstants.BearerScheme);
        return bearer.Succeeded ? bearer.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) : null;
    }

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";
}
