using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Common.Api;

/// <summary>
/// Minimal APIs refuse a query or route value their parameter type cannot parse (a <see cref="Day"/>, a number) before the
/// handler runs, with a <see cref="BadHttpRequestException"/> (<c>RouteHandlerOptions.ThrowOnBadRequest</c>). This turns
/// it into the API's 400: the field named as the request names it, with what is expected in French. A body that cannot be
/// read gets a 400 that says so. Only the first value refused is named: binding stops there.
/// </summary>
public static partial class BindingProblems
{
    /// <summary>The 400 for <paramref name="exception"/>, or null when it is not about a value of the request.</summary>
    public static ProblemDetails? Describe(BadHttpRequestException exception, Endpoint? endpoint)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.StatusCode != StatusCodes.Status400BadRequest)
        {
            return null;
        }
        var message = exception.Message;
        if (NotBound().Match(message) is { Success: true } notBound)
        {
            var parameter = Parameter(endpoint, notBound.Groups["name"].Value);
            return Field(parameter, notBound.Groups["name"].Value, Refused(parameter?.ParameterType, notBound.Groups["value"].Value));
        }
        if (Missing().Match(message) is { Success: true } missing)
        {
            var parameter = Parameter(endpoint, missing.Groups["name"].Value);
            return Field(parameter, missing.Groups["name"].Value,
                Underlying(parameter?.ParameterType) == typeof(Day) ? Day.Required : "Ce champ est obligatoire.");
        }
        if (message.Contains("from the request body as JSON", StringComparison.Ordinal))
        {
            return ApiProblems.Details(StatusCodes.Status400BadRequest, detail: ApiProblems.MalformedBody);
        }
        if (message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || message.StartsWith("Required parameter", StringComparison.Ordinal))
        {
            return ApiProblems.Details(StatusCodes.Status400BadRequest, detail: ApiProblems.EmptyBody);
        }
        return null;
    }

    /// <summary>What is said about a value the type refused.</summary>
    public static string Refused(Type? type, string value)
    {
        var shown = value.Length > 40 ? value[..40] + "…" : value;
        var expected = Underlying(type) switch
        {
            var t when t == typeof(Day) => Day.Expected,
            var t when t == typeof(int) || t == typeof(long) || t == typeof(short) => "Un nombre entier est attendu.",
            var t when t == typeof(bool) => "La valeur est true ou false.",
            _ => "Cette valeur n'est pas comprise.",
        };
        return $"« {shown} » n'est pas valide. {expected}";
    }

    private static Type? Underlying(Type? type) => type is null ? null : Nullable.GetUnderlyingType(type) ?? type;

    private static HttpValidationProblemDetails Field(ParameterInfo? parameter, string name, string message) =>
        new(ApiProblems.Errors(PublicName(parameter) ?? name, message))
        {
            Status = StatusCodes.Status400BadRequest,
            Type = ApiProblems.Details(StatusCodes.Status400BadRequest).Type,
            Title = ApiProblems.InvalidTitle,
        };

    private static ParameterInfo? Parameter(Endpoint? endpoint, string name) =>
        endpoint?.Metadata.GetMetadata<MethodInfo>()?.GetParameters().FirstOrDefault(p => p.Name == name);

    /// <summary>The name in the request: <c>[FromQuery(Name = "…")]</c> and the like when given.</summary>
    private static string? PublicName(ParameterInfo? parameter) =>
        parameter?.GetCustomAttributes().OfType<Microsoft.AspNetCore.Http.Metadata.IFromQueryMetadata>().FirstOrDefault()?.Name
        ?? parameter?.GetCustomAttributes().OfType<Microsoft.AspNetCore.Http.Metadata.IFromRouteMetadata>().FirstOrDefault()?.Name
        ?? parameter?.Name;

    // The framework's own messages (RequestDelegateFactory); a test fails if they ever change.
    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]+) (?<name>[^" ]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex NotBound();

    [GeneratedRegex("""^Required parameter "(?<type>[^"]+) (?<name>[^" ]+)" was not provided from (?<source>query string|route|header|form)\.$""")]
    private static partial Regex Missing();
}
