using Cotravail.Web.Features.Sites;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Security;

/// <summary>
/// Every staff page or endpoint whose route names something (a site, a network, an event…) is checked by the scope set
/// once (<see cref="StaffScopeRule"/> in its metadata: the page convention or <c>.RequireSiteStaff()</c>), read from the
/// app's own endpoints: a new one without it fails here, unless it is listed below with the reason it needs none.
/// </summary>
public sealed class StaffScopeCoverageTests
{
    /// <summary>Staff routes with a route value that filter their own query by network, answering 404 for another network's id.</summary>
    private static readonly Dictionary<string, string> FilteredByTheirQuery = new(StringComparer.Ordinal)
    {
        ["/gestion/nouveaux-arrivants/{id:int}"] = "a request of the networks managed, else 404",
        ["/gestion/nouveaux-arrivants/contenu/{sectionId:int?}"] = "a section of the networks managed, else 404",
    };

    private sealed record Found(string Route, bool IsPage, IReadOnlyList<object> Metadata, RoutePattern Pattern);

    private static async Task<List<Found>> EndpointsAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var found = new List<Found>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // The page's conventions (authorization, scope) are applied when it is loaded.
                var compiled = page as CompiledPageActionDescriptor ?? await loader.LoadAsync(page, endpoint.Metadata);
                found.Add(new Found(route, true, [.. compiled.EndpointMetadata], endpoint.RoutePattern));
            }
            else
            {
                found.Add(new Found(route, false, [.. endpoint.Metadata], endpoint.RoutePattern));
            }
        }
        return found;
    }

    private static bool IsStaff(Found e)
    {
        var authorize = e.Metadata.OfType<IAuthorizeData>().ToList();
        if (authorize.Any(a => a.Policy is Roles.Host or Roles.Manager || a.Roles is not null))
        {
            return true;
        }
        // The API authorizes signed-in callers and leaves the staff's routes to the scope: a site or a network in the route.
        return authorize.Count > 0 && e.Route.StartsWith("/api/", StringComparison.Ordinal)
            && (e.Route.Contains("/sites/{", StringComparison.Ordinal) || e.Route.Contains("/networks/{", StringComparison.Ordinal)
                || e.Pattern.Parameters.Any(p => p.Name is "siteId" or "networkId"));
    }

    [Fact]
    public async Task Every_staff_page_and_endpoint_whose_route_names_something_is_checked_by_the_staff_scope()
    {
        await using var app = await TestApp.StartAsync();
        var endpoints = await EndpointsAsync(app.Services);
        var problems = new List<string>();
        var checkedRoutes = new List<string>();
        foreach (var e in endpoints)
        {
            var values = e.Pattern.Parameters.Where(p => p.Name != "handler").Select(p => p.Name).ToList();
            var rule = e.Metadata.OfType<StaffScopeRule>().LastOrDefault();
            if (rule is not null)
            {
                checkedRoutes.Add(e.Route);
                if (!values.Contains(rule.RouteValue, StringComparer.Ordinal))
                {
                    problems.Add($"{e.Route}: its scope rule reads the route value « {rule.RouteValue} », which the route does not have");
                }
                continue;
            }
            if (IsStaff(e) && values.Count > 0 && !FilteredByTheirQuery.ContainsKey(e.Route))
            {
                problems.Add($"{e.Route} ({(e.IsPage ? "page" : "endpoint")}): a staff route with {{{string.Join("}, {", values)}}} and no scope check " +
                    "(.RequireSiteStaff(), .RequireNetworkManager(), RequireStaffScope(…) or a route under a convention of StaffScopePages)");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        // The routes of the sites and networks themselves, and of what belongs to one, are among them.
        foreach (var expected in new[]
        {
            "/accueil/{slug}", "/accueil/{slug}/caisse", "/accueil/{slug}/venue", "/gestion/espaces/{id:int}/equipe", "/gestion/espaces/{id:int}/produits",
            "/gestion/reseaux/{id:int}/gestionnaires", "/animation/{id:int}/participants", "/animation/{id:int}/participants.csv",
            "/gestion/enquetes/{id:int}", "/gestion/entreprises/{id:int}", "/api/v1/sites/{id:int}/today", "/api/v1/sites/{id:int}/checkins",
        })
        {
            Assert.Contains(expected, checkedRoutes);
        }
        // Public routes of a site are not staff routes.
        Assert.DoesNotContain("/espaces/{slug}", checkedRoutes);
        Assert.DoesNotContain("/api/v1/sites/{id:int}/occupancy", checkedRoutes);
    }
}
