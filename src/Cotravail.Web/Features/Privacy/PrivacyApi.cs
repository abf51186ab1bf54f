using Cotravail.Web.Common.PersonalData;
using System.Security.Claims;
using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Cotravail.Web.Features.Privacy;

/// <summary>The export of « Mes données »: JSON for programs (<c>/api/v1/me/data</c>), and the two downloads of the page.</summary>
internal static class PrivacyApi
{
    public static void MapPrivacyApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me/data", (HttpContext http, ClaimsPrincipal user, UserManager<AppUser> users, PersonalDataExport export, CancellationToken ct) =>
                ExportAsync(http, user, users, export, json: true, download: false, ct))
            .WithTags("Données personnelles").WithName("MyData")
            .WithSummary("Every piece of personal data held about the signed-in person, per kind (RGPD articles 15 and 20).")
            .RequireAuthorization(AccountsModule.ApiPolicy);
        app.MapGet("/mes-donnees/export.json", (HttpContext http, ClaimsPrincipal user, UserManager<AppUser> users, PersonalDataExport export, CancellationToken ct) =>
                ExportAsync(http, user, users, export, json: true, download: true, ct))
            .RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/mes-donnees/export.zip", (HttpContext http, ClaimsPrincipal user, UserManager<AppUser> users, PersonalDataExport export, CancellationToken ct) =>
                ExportAsync(http, user, users, export, json: false, download: true, ct))
            .RequireAuthorization().ExcludeFromDescription();
    }

    private static async Task<IResult> ExportAsync(
        HttpContext http, ClaimsPrincipal principal, UserManager<AppUser> users, PersonalDataExport export, bool json, bool download, CancellationToken ct)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return Results.Unauthorized();
        }
        // Personal data: never kept by a shared cache or the browser's back-forward cache.
        http.Response.Headers.CacheControl = "no-store";
        var subject = new PersonalDataSubject(user.Id, (user.Email ?? "").Trim().ToLowerInvariant());
        if (json)
        {
            var bytes = await export.JsonAsync(subject, ct);
            return download
                ? Results.File(bytes, "application/json; charset=utf-8", "mes-donnees-cotravail.json")
                : Results.Bytes(bytes, "application/json; charset=utf-8");
        }
        return Results.File(await export.ZipAsync(subject, ct), "application/zip", "mes-donnees-cotravail.zip");
    }
}
