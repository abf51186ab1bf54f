using System.Globalization;
using System.Security.Claims;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Common.Api;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Observatory;

/// <summary>
/// <c>GET /api/v1/observatory/indicators?from=&amp;to=&amp;siteId=&amp;perSite=</c>: every indicator for the managers of the
/// sites' networks; for anyone else the public subset (no revenue, small counts suppressed). Without a site, the months
/// are per site, or with <c>perSite=false</c> one row per month adding every site up.
/// </summary>
internal static class ObservatoryApi
{
    public static void MapObservatoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/observatory/indicators", async (Day? from, Day? to, int? siteId, int? networkId, string? perSite, HttpContext http,
                StaffAccess staff, AppDbContext db, IndicatorsQuery query, TimeProvider clock, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                if (!Period.TryRead(from, to, clock, out var period, out var problem))
                {
                    errors[DayRange.EndField] = [problem];
                }
                var bySite = true;
                if (!string.IsNullOrEmpty(perSite) && !bool.TryParse(perSite, out bySite))
                {
                    errors["perSite"] = ["perSite vaut true (une ligne par espace et par mois) ou false (une ligne par mois pour l'ensemble des espaces)."];
                }
                var all = await db.Networks.Select(n => n.Id).ToListAsync(ct);
                if (networkId is { } askedNetwork && !all.Contains(askedNetwork))
                {
                    errors["networkId"] = ["Aucun réseau n'a cet identifiant."];
                }
                if (siteId is { } askedSite && !await db.Sites.AnyAsync(s => s.Id == askedSite && (networkId == null || s.NetworkId == networkId), ct))
                {
                    errors["siteId"] = [networkId is null ? "Aucun espace n'a cet identifiant." : "Cet espace n'est pas un espace de ce réseau."];
                }
                if (errors.Count > 0)
                {
                    return ApiProblems.Invalid(errors);
                }
                // The endpoint is public: a manager's bearer token is read here, and the staff scope is theirs. A network
                // asked for is counted alone, its own people only; a manager sees everything of the networks they run.
                http.User = await SignedInAsync(http);
                var managed = await staff.ManagedNetworkIdsAsync(ct);
                IReadOnlyCollection<int> networks = networkId is { } one ? [one] : managed.Count > 0 ? managed : all;
                var full = managed.Count > 0 && networks.All(managed.Contains);
                var set = await query.ComputeAsync(networks, siteId, period.From, period.To, ct, perSite: bySite);
                return Results.Ok(full ? set : set.Public());
            })
            .WithTags("Observatoire").WithName("Indicators")
            .WithSummary("Indicators of a period (at most 5 years) of one network or of every network: managers of it get all of them, others the public subset.")
            .WithDescription("networkId counts that network's sites and people only; without it, a manager gets their networks and others every network. Without siteId the months are one row per site and month; with perSite=false, one row per month adding every site up (siteId 0).");
    }

    /// <summary>The caller when signed in by cookie or bearer token (the endpoint is also public).</summary>
    private static async Task<ClaimsPrincipal> SignedInAsync(HttpContext http)
    {
        foreach (var scheme in new[] { Microsoft.AspNetCore.Identity.IdentityConstants.BearerScheme, Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme })
        {
            var result = await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.AuthenticateAsync(http, scheme);
            if (result.Succeeded)
            {
                return result.Principal;
            }
        }
        return http.User;
    }
}

/// <summary>The period of the observatory: defaults to the last twelve months; at most five years.</summary>
public static class Period
{
    /// <summary>Five years: the last day at most 5 × 366 days after the first.</summary>
    public const int MaxDays = (5 * 366) + 1;

    /// <summary>The API's period (<c>from</c>, <c>to</c> already read as days), or why not (about <c>to</c>).</summary>
    public static bool TryRead(Day? from, Day? to, TimeProvider clock, out DayRange period, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var end = to?.Date ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var start = from?.Date ?? new DateOnly(end.Year, end.Month, 1).AddMonths(-11);
        return DayRange.TryCreate(start, end, out period, out problem, MaxDays, "cinq ans");
    }

    /// <summary>The pages' period, from the text of « Du » and « Au », with messages for people.</summary>
    public static (DateOnly From, DateOnly To, Dictionary<string, string[]> Errors) Read(string? from, string? to, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var errors = new Dictionary<string, string[]>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var end = Day(to, "to", errors) ?? today;
        var start = Day(from, "from", errors) ?? new DateOnly(end.Year, end.Month, 1).AddMonths(-11);
        if (errors.Count == 0 && end < start)
        {
            errors["to"] = ["La fin de la période doit être après son début."];
        }
        else if (errors.Count == 0 && end.DayNumber - start.DayNumber + 1 > MaxDays)
        {
            errors["to"] = ["La période fait au plus cinq ans."];
        }
        return (start, end, errors);
    }

    private static DateOnly? Day(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && Common.Dates.IsPlausible(d))
        {
            return d;
        }
        errors[field] = ["La date s'écrit AAAA-MM-JJ (entre 2000 et 2100)."];
        return null;
    }
}
