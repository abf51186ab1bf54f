using Microsoft.AspNetCore.Http.Features;

namespace Cotravail.Web.Common;

/// <summary>API errors (RFC 9457) carry a French title for the usual statuses and the request's trace id.</summary>
public static class FrenchProblemDetails
{
    public static string? TitleFor(int status) => status switch
    {
        400 => "La requête n'est pas valide.",
        401 => "Authentification requise.",
        403 => "Accès refusé.",
        404 => "Ressource introuvable.",
        405 => "Méthode non autorisée.",
        409 => "Conflit avec l'état actuel.",
        413 => "Requête trop volumineuse.",
        415 => "Type de contenu non pris en charge.",
        422 => "La requête ne peut pas être traitée.",
        429 => "Trop de requêtes ; réessayez plus tard.",
        500 => "Une erreur inattendue s'est produite.",
        _ => null,
    };

    public static void Customize(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        // Keep a title set on purpose by an endpoint; replace the framework's English defaults. Every list of field
        // errors (ours and the validation filter's) has the same title.
        if (problem is HttpValidationProblemDetails && (problem.Title is null || IsFrameworkTitle(problem.Title)))
        {
            problem.Title = Api.ApiProblems.InvalidTitle;
        }
        else if (TitleFor(status) is { } french && (problem.Title is null || IsFrameworkTitle(problem.Title)))
        {
            problem.Title = french;
        }
        problem.Extensions.TryAdd("traceId", context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id ?? context.HttpContext.TraceIdentifier);
    }

    private static bool IsFrameworkTitle(string title) => title is
        "Bad Request" or "Unauthorized" or "Forbidden" or "Not Found" or "Method Not Allowed" or "Conflict"
        or "Content Too Large" or "Payload Too Large" or "Unsupported Media Type" or "Unprocessable Entity" or "Too Many Requests" or "An error occurred while processing your request."
        or "One or more validation errors occurred.";
}
