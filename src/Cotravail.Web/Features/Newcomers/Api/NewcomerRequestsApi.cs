using System.Security.Claims;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

using Cotravail.Web.Common.Security.RateLimiting;

namespace Cotravail.Web.Features.Newcomers.Api;

public sealed record NewcomerRequestCreatedDto(int Id, string Status, DateTime CreatedAtUtc, string Message);

public sealed record NewcomerRequestDto(
    int Id, string Kind, string Name, string? Organisation, string? Email, string? Phone, string Project,
    string? OriginPostcode, string? OriginCountry, string? Department, string? Region, string? ArrivalMonth,
    IReadOnlyList<string> Needs, string? Message, string Status, DateTime CreatedAtUtc, DateTime? SettledAtUtc);

/// <summary>« Je m'installe / je découvre » for programs: anyone may send a request (rate-limited); managers list theirs.</summary>
internal static class NewcomerRequestsApi
{
    public static void MapNewcomerRequestsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/newcomer-requests").WithTags("Nouveaux arrivants");
        group.MapPost("/", CreateAsync).WithName("CreateNewcomerRequest")
            .RateLimited(RateLimitPolicies.PublicForm, c => c.Arguments.OfType<RequestForm>().FirstOrDefault()?.Email)
            .DisableValidation()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Sends a « Je m'installe / je découvre » request without an account. kind: person|firm; project: telework|businessCreation|relocation|other; "
                + "needs: desk, network, housing, schooling, partnerJob; arrivalMonth: YYYY-MM; an email or a phone is required. Limited per client address and per e-mail address, each hour.");
        group.MapGet("/", ListAsync).WithName("ListNewcomerRequests")
            .RequireAuthorization(AccountsModule.ApiPolicy)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Managers: the requests of the networks they manage, newest first. Filter: status (new, inProgress, answered, settled).");
    }

    private static async Task<Results<Created<NewcomerRequestCreatedDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        RequestForm body, HttpContext http, AppDbContext db, NewcomerInbox inbox, CancellationToken ct)
    {
        var errors = body.Errors(http.RequestServices);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Certaines informations ne sont pas valides.");
        }
        if (await Territory.NetworkIdAsync(db, ct) is not { } networkId)
        {
            return TypedResults.Problem(statusCode: 409, title: "Aucun réseau n'accueille encore de demandes.");
        }
        var request = await inbox.SubmitAsync(networkId, body, ct);
        return TypedResults.Created($"/api/v1/newcomer-requests/{request.Id}",
            new NewcomerRequestCreatedDto(request.Id, RequestLabels.ApiStatus(request.Status), request.CreatedAtUtc,
                "Demande reçue. Un accusé de réception part à l'adresse indiquée."));
    }

    private static async Task<Results<Ok<List<NewcomerRequestDto>>, ValidationProblem, ForbidHttpResult>> ListAsync(
        string? status, ClaimsPrincipal user, StaffScope scope, AppDbContext db, CancellationToken ct)
    {
        var networks = await scope.ManagedNetworkIdsAsync(user, ct);
        if (networks.Count == 0)
        {
            return TypedResults.Forbid();
        }
        var query = db.Set<NewcomerRequest>().AsNoTracking().Where(r => networks.Contains(r.NetworkId));
        if (!string.IsNullOrEmpty(status))
        {
            if (RequestLabels.ParseStatus(status) is not { } s)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["status"] = ["Le statut doit être new, inProgress, answered ou settled."],
                }, title: "Certaines informations ne sont pas valides.");
            }
            query = query.Where(r => r.Status == s);
        }
        var list = await query.OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id).Take(500).ToListAsync(ct);
        return TypedResults.Ok(list.Select(r => new NewcomerRequestDto(
            r.Id, r.Kind, r.Name, r.Organisation, r.Email, r.Phone, r.Project, r.OriginPostcode, r.OriginCountry, r.Department, r.Region,
            r.ArrivalMonth?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), r.NeedList, r.Message,
            RequestLabels.ApiStatus(r.Status), r.CreatedAtUtc, r.SettledAtUtc)).ToList());
    }
}
