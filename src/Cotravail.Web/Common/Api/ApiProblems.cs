using Cotravail.Web.Common.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Common.Api;

/// <summary>
/// The one vocabulary of API errors (RFC 9457 ProblemDetails, French titles): not found, invalid (a French message per
/// field under <c>errors</c>), conflict (a rule said no). A kind of problem has one type and one title; what belongs to
/// this occurrence goes in <c>detail</c>. A conflict's title is the rule's own sentence, which clients show to people.
/// A bare <c>TypedResults.NotFound()</c> gets the same answer as <see cref="NotFound"/> from the status-code pages.
/// </summary>
public static class ApiProblems
{
    public const string InvalidTitle = "Certaines informations ne sont pas valides.";

    public const string MalformedBody = "Le contenu n'est pas un JSON valide ou un champ a le mauvais type.";

    public const string EmptyBody = "Le contenu de la requête est vide : envoyez un objet JSON.";

    /// <summary>404 « Ressource introuvable. », with what was not found in <c>detail</c>.</summary>
    public static ProblemHttpResult NotFound(string? detail = null) => TypedResults.Problem(Details(StatusCodes.Status404NotFound, detail: detail));

    /// <summary>400 « Certaines informations ne sont pas valides. » with a message per field.</summary>
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors, title: InvalidTitle);

    public static ValidationProblem Invalid(string field, string message) => Invalid(Errors(field, message));

    /// <summary>409: the rule that said no is the title.</summary>
    public static ProblemHttpResult Conflict(string rule) => TypedResults.Problem(Details(StatusCodes.Status409Conflict, rule));

    /// <summary>422: the request is well formed but names something that cannot be used (an unknown card, a person without postcode).</summary>
    public static ProblemHttpResult Unprocessable(string reason) => TypedResults.Problem(Details(StatusCodes.Status422UnprocessableEntity, reason));

    /// <summary>The same answers, kept by <see cref="IdempotencyStore"/> for a retried request.</summary>
    public static class Stored
    {
        public static StoredResponse NotFound(string? detail = null) => Keep(Details(StatusCodes.Status404NotFound, detail: detail));

        public static StoredResponse Invalid(IDictionary<string, string[]> errors) =>
            Keep(new HttpValidationProblemDetails(errors) { Status = StatusCodes.Status400BadRequest, Type = TypeOf(StatusCodes.Status400BadRequest), Title = InvalidTitle });

        public static StoredResponse Invalid(string field, string message) => Invalid(Errors(field, message));

        public static StoredResponse Conflict(string rule) => Keep(Details(StatusCodes.Status409Conflict, rule));

        /// <summary>400 for a body that cannot be read at all (no field to name).</summary>
        public static StoredResponse BadRequest(string detail) => Keep(Details(StatusCodes.Status400BadRequest, detail: detail));

        private static StoredResponse Keep(ProblemDetails problem) => new(problem.Status!.Value, problem, IsProblem: true);
    }

    /// <summary>A problem of <paramref name="status"/>: its type, and its usual French title unless the occurrence has its own.</summary>
    public static ProblemDetails Details(int status, string? title = null, string? detail = null) => new()
    {
        Status = status,
        Type = TypeOf(status),
        Title = title ?? FrenchProblemDetails.TitleFor(status),
        Detail = detail,
    };

    public static Dictionary<string, string[]> Errors(string field, string message) => new() { [field] = [message] };

    /// <summary>The same type URIs the framework gives (RFC 9110's sections), so that every 404 of the API looks the same.</summary>
    private static string? TypeOf(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        422 => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        _ => null,
    };
}
