using Cotravail.Web.Common.Api;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Events.Cancellation;
using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Events.Api;

/// <summary>The reason a host gives when cancelling an event.</summary>
public sealed record CancellationBody(string? Reason);

/// <summary>What a cancellation did: the event is cancelled and <c>told</c> people (places and waitlist) got an e-mail.</summary>
public sealed record CancellationDto(int EventId, string Status, string Reason, DateTime CancelledAtUtc, int Told);

/// <summary>Hosts cancel an event of their sites through the API, as on the page <c>/animation/{id}/annuler</c>.</summary>
internal static class EventCancellationApi
{
    public static void MapEventCancellationApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/events/{id:int}/cancellation", CancelAsync).WithName("CancelEvent").WithTags("Animation")
            .RequireAuthorization(AccountsModule.ApiPolicy)
            .RequireStaffScope(EventsModule.EventStaff)
            .Produces<CancellationDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("For the hosts of the event's site: cancels it with a reason (required, 500 characters at most); everyone registered or on the waitlist gets an e-mail with it. 409 when it is already cancelled or has begun.");

    private static async Task<IResult> CancelAsync(int id, CancellationBody? body, EventCancellations cancellations, CancellationToken ct)
    {
        if (EventCancellations.CheckReason(body?.Reason) is { } problem)
        {
            return ApiProblems.Invalid("reason", problem);
        }
        var result = await cancellations.CancelAsync(id, body!.Reason!, ct);
        if (result.Outcome == CancellationOutcome.NotFound)
        {
            return ApiProblems.NotFound();
        }
        if (result.Refusal is { } refusal)
        {
            return ApiProblems.Conflict(result.Outcome == CancellationOutcome.AlreadyCancelled ? "Cet événement est déjà annulé." : refusal);
        }
        var e = result.Event!;
        return TypedResults.Ok(new CancellationDto(e.Id, "cancelled", e.CancellationReason ?? "",
            DateTime.SpecifyKind(e.CancelledAtUtc ?? default, DateTimeKind.Utc), result.Told.Count));
    }
}
