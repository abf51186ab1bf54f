using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Cotravail.Web.Common.Api;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Events.Api;
using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Events.Moving;

/// <summary>The new date and times of an event, site-local: date « 2026-12-20 », times « 18:00 », endDate for an event over several days.</summary>
public sealed record MoveBody(string? Date, string? StartTime, string? EndTime, string? EndDate);

/// <summary>What a move did, and the event as it is now.</summary>
public sealed record MovedDto(EventDto Event, int AskedToConfirm, int WaitlistTold);

/// <summary><c>POST /api/v1/events/{id}/move</c>, for the hosts of the event's site and the managers of its network.</summary>
internal static class MoveApi
{
    public static void MapMoveApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/events/{id:int}/move", MoveAsync).WithName("MoveEvent").WithTags("Animation")
            .RequireAuthorization(AccountsModule.ApiPolicy)
            .RequireStaffScope(EventsModule.EventStaff)
            .Produces<MovedDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Moves an event: the people holding a place are e-mailed both dates and asked to confirm (they keep it until the new date's registrations close); the waitlist is told.");

    private static async Task<IResult> MoveAsync(int id, MoveBody? body, HttpContext http, EventMover mover, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var input = new MoveInput
        {
            Date = Day(body?.Date, "date", required: true, errors),
            StartTime = Time(body?.StartTime, "startTime", errors),
            EndTime = Time(body?.EndTime, "endTime", errors),
            EndDate = Day(body?.EndDate, "endDate", required: false, errors),
        };
        if (errors.Count == 0)
        {
            foreach (var rule in input.Validate(new ValidationContext(input)))
            {
                errors[Camel(rule.MemberNames.FirstOrDefault() ?? "date")] = [rule.ErrorMessage ?? ""];
            }
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }
        var e = await mover.LoadAsync(id, ct);
        if (e is null)
        {
            return ApiProblems.NotFound();
        }
        var result = await mover.MoveAsync(e, input, ct);
        if (result.Problem is { } p)
        {
            var message = string.Format(CultureInfo.GetCultureInfo("fr-FR"), p.Message, p.Args);
            return p.Field is null ? ApiProblems.Conflict(message) : ApiProblems.Invalid(Camel(p.Field), message);
        }
        var moved = (await mover.LoadAsync(id, ct))!;
        return TypedResults.Ok(new MovedDto(EventDto.From(moved, $"{http.Request.Scheme}://{http.Request.Host}"), result.AskedToConfirm, result.Waitlisted));
    }

    private static DateOnly? Day(string? text, string field, bool required, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors[field] = ["La date est obligatoire (AAAA-MM-JJ)."];
            }
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        errors[field] = ["La date doit s'écrire AAAA-MM-JJ, par exemple 2026-12-20."];
        return null;
    }

    private static TimeOnly? Time(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (!string.IsNullOrWhiteSpace(text)
            && TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }
        errors[field] = ["L'heure doit s'écrire HH:mm, par exemple 18:00."];
        return null;
    }

    private static string Camel(string field) => string.IsNullOrEmpty(field) ? field : char.ToLowerInvariant(field[0]) + field[1..];
}
