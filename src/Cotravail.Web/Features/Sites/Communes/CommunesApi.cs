using Cotravail.Web.Common;
using Cotravail.Web.Common.Api;
using Cotravail.Web.Features.Accounts.MyAccount;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

// In Sites.Api's namespace: a namespace named « Communes » would hide Common.Communes from the whole Sites feature.
namespace Cotravail.Web.Features.Sites.Api;

/// <summary>A commune of a postcode: INSEE code and official name.</summary>
public sealed record CommuneDto(string Insee, string Nom);

/// <summary>
/// <c>GET /api/v1/communes?codePostal=46140</c>: the communes of a postcode, for the forms that ask the commune of
/// residence (<c>commune.js</c>) and for programs. Public: the reference is open data (INSEE, La Poste). A malformed
/// postcode is a mistake of the caller (400, ProblemDetails naming <c>codePostal</c>); a well-formed one of no commune
/// (99999, a CEDEX code) is a fair question whose answer is an empty list: there is nothing to choose.
/// </summary>
internal static class CommunesApi
{
    public const string Malformed = "Indiquez un code postal de 5 chiffres, par exemple codePostal=46140.";

    public static void MapCommunesApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/communes", List).WithTags("Espaces").WithName("CommunesOfPostcode")
            .WithSummary("The communes of a postcode (INSEE code and name), in alphabetical order; an empty list when no commune has it.");

    private static Results<Ok<List<CommuneDto>>, ValidationProblem> List([FromQuery(Name = "codePostal")] string? codePostal, HttpResponse response)
    {
        var postcode = codePostal?.Trim();
        if (!Communes.IsPostcode(postcode))
        {
            return ApiProblems.Invalid("codePostal", Malformed);
        }
        response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.Ok(CommuneChoice.At(postcode).Select(c => new CommuneDto(c.Insee, c.Name)).ToList());
    }
}
