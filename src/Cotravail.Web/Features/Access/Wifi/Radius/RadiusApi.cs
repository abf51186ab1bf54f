using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cotravail.Web.Common.Api;
using Cotravail.Web.Features.Reception;
using Microsoft.Extensions.Options;

namespace Cotravail.Web.Features.Access.Wifi.Radius;

/// <summary>Settings of the Wi-Fi: <c>Wifi:ApiKey</c>, the key FreeRADIUS sends in <c>X-Api-Key</c> (none set: the API refuses everything).</summary>
public sealed class WifiOptions
{
    public string? ApiKey { get; set; }
}

/// <summary>
/// What FreeRADIUS's <c>rlm_rest</c> calls (<c>ops/freeradius/</c>), with the request's attributes as JSON. The answers
/// follow rlm_rest's reading of HTTP statuses: <c>authorize</c> says 204 (known, with rights here now), 404 (unknown
/// NAS-Identifier or user: notfound) or 403 (no rights: userlock); <c>authenticate</c> says 204 (accept) or 401 (reject,
/// with a Reply-Message); <c>accounting</c> says 204 and records the visit on a Start. A wrong or missing key: 401,
/// nothing granted nor recorded. A body that is not attributes: 400 ProblemDetails.
/// </summary>
internal static class RadiusApi
{
    public const string KeyHeader = "X-Api-Key";

    public static void MapRadiusApi(this IEndpointRouteBuilder app)
    {
        var radius = app.MapGroup("/api/v1/radius").WithTags("Wi-Fi").AddEndpointFilter(RequireKeyAsync)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesValidationProblem();
        radius.MapPost("/authorize", AuthorizeAsync).WithName("RadiusAuthorize")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("For FreeRADIUS (rlm_rest, body = json): is User-Name known, with rights at the site of NAS-Identifier now?");
        radius.MapPost("/authenticate", AuthenticateAsync).WithName("RadiusAuthenticate")
            .Produces(StatusCodes.Status204NoContent)
            .WithSummary("For FreeRADIUS: accepts User-Name with User-Password (personal Wi-Fi code, password, or an event's guest code), or 401.");
        radius.MapPost("/accounting", AccountingAsync).WithName("RadiusAccounting")
            .Produces(StatusCodes.Status204NoContent)
            .WithSummary("For FreeRADIUS: an accounting Start records the member's visit (source Wi-Fi), once per person, site and day.");
    }

    private static async ValueTask<object?> RequireKeyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var expected = http.RequestServices.GetRequiredService<IOptionsMonitor<WifiOptions>>().CurrentValue.ApiKey;
        var given = http.Request.Headers[KeyHeader].ToString();
        if (string.IsNullOrEmpty(expected) || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given)))
        {
            http.RequestServices.GetRequiredService<ILogger<WifiAccess>>().LogWarning("RADIUS API call refused: wrong or missing API key from {Address}", http.Connection.RemoteIpAddress);
            return TypedResults.Problem(ApiProblems.Details(StatusCodes.Status401Unauthorized, detail: "La clé d'API du Wi-Fi est absente ou fausse."));
        }
        return await next(context);
    }

    private static async Task<IResult> AuthorizeAsync(JsonElement body, WifiAccess access, ILogger<WifiAccess> log, CancellationToken ct)
    {
        if (Read(body) is not { } request)
        {
            return Invalid();
        }
        var site = await access.SiteAsync(request["NAS-Identifier"], ct);
        var person = site is null ? null : await access.PersonAsync(request["User-Name"], ct);
        var verdict = site is null ? WifiVerdict.Unknown : await access.AuthorizeAsync(site, person, ct);
        if (verdict != WifiVerdict.Granted)
        {
            log.LogInformation("Wi-Fi authorisation refused ({Verdict}) at NAS {Nas}", verdict, request["NAS-Identifier"]);
        }
        return verdict switch
        {
            WifiVerdict.Granted => TypedResults.NoContent(),
            WifiVerdict.NoRights => TypedResults.Problem(ApiProblems.Details(StatusCodes.Status403Forbidden, detail: NoRights)),
            _ => ApiProblems.NotFound("Utilisateur ou borne Wi-Fi inconnus."),
        };
    }

    private static async Task<IResult> AuthenticateAsync(JsonElement body, WifiAccess access, ILogger<WifiAccess> log, CancellationToken ct)
    {
        if (Read(body) is not { } request)
        {
            return Invalid();
        }
        var site = await access.SiteAsync(request["NAS-Identifier"], ct);
        var person = site is null ? null : await access.PersonAsync(request["User-Name"], ct);
        var verdict = site is null ? WifiVerdict.Unknown : await access.AuthenticateAsync(site, person, request["User-Password"], ct);
        if (verdict == WifiVerdict.Granted)
        {
            return TypedResults.NoContent();
        }
        log.LogInformation("Wi-Fi authentication refused ({Verdict}) at NAS {Nas}", verdict, request["NAS-Identifier"]);
        var message = verdict == WifiVerdict.NoRights ? NoRights : "Identifiant ou code Wi-Fi incorrect.";
        // rlm_rest reads a 401's body: the Reply-Message goes back to the access point.
        return TypedResults.Json(new Dictionary<string, string> { ["reply:Reply-Message"] = message }, statusCode: StatusCodes.Status401Unauthorized);
    }

    private static async Task<IResult> AccountingAsync(JsonElement body, WifiAccess access, Arrivals arrivals, ILogger<WifiAccess> log, CancellationToken ct)
    {
        if (Read(body) is not { } request)
        {
            return Invalid();
        }
        var status = request["Acct-Status-Type"];
        if (status is not ("Start" or "1"))
        {
            return TypedResults.NoContent();
        }
        var site = await access.SiteAsync(request["NAS-Identifier"], ct);
        var person = site is null ? null : await access.PersonAsync(request["User-Name"], ct);
        if (site is null || person?.User is not { } user)
        {
            return TypedResults.NoContent();
        }
        if (await access.RightAsync(site, person, ct) is not { } pass)
        {
            log.LogInformation("Wi-Fi accounting start without rights at site {Site}: no visit recorded", site.Id);
            return TypedResults.NoContent();
        }
        await arrivals.CheckInByWifiAsync(site, user.Id, pass.Length > 100 ? pass[..100] : pass, ct);
        return TypedResults.NoContent();
    }

    private const string NoRights = "Pas de réservation, d'abonnement ni de pass valable aujourd'hui dans cet espace.";

    private static RadiusAttributes? Read(JsonElement body)
    {
        var request = RadiusAttributes.Read(body);
        return request is null || string.IsNullOrWhiteSpace(request["User-Name"]) || string.IsNullOrWhiteSpace(request["NAS-Identifier"]) ? null : request;
    }

    private static IResult Invalid() => ApiProblems.Invalid(new Dictionary<string, string[]>
    {
        ["User-Name"] = ["Attendu : un objet JSON d'attributs RADIUS (format body = json de rlm_rest) avec User-Name et NAS-Identifier."],
        ["NAS-Identifier"] = ["Indiquez le NAS-Identifier de la borne Wi-Fi."],
    });
}
