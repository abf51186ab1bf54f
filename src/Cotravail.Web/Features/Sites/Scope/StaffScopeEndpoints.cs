using Cotravail.Web.Common;
using Cotravail.Web.Features.Sites;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;

namespace Cotravail.Web.Features.Sites;

/// <summary>
/// <c>.RequireSiteStaff()</c> and <c>.RequireNetworkManager()</c> on minimal-API endpoints whose route names a site or a
/// network: before the handler, an unknown one answers 404 and one out of the person's scope 403 (ProblemDetails under
/// <c>/api</c>, the error page elsewhere).
/// </summary>
public static class StaffScopeEndpoints
{
    /// <summary>The hosts of the site named by <paramref name="routeValue"/> and the managers of its network.</summary>
    public static TBuilder RequireSiteStaff<TBuilder>(this TBuilder builder, string routeValue = "id") where TBuilder : IEndpointConventionBuilder =>
        builder.RequireStaffScope(StaffScopeRule.SiteStaff(routeValue));

    /// <summary>The managers of the network named by <paramref name="routeValue"/>.</summary>
    public static TBuilder RequireNetworkManager<TBuilder>(this TBuilder builder, string routeValue = "id") where TBuilder : IEndpointConventionBuilder =>
        builder.RequireStaffScope(StaffScopeRule.NetworkManager(routeValue));

    public static TBuilder RequireStaffScope<TBuilder>(this TBuilder builder, StaffScopeRule rule) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(rule);
        return builder.WithMetadata(rule).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var outcome = await rule.CheckAsync(http.RequestServices.GetRequiredService<StaffAccess>(), http.RequestServices.GetRequiredService<AppDbContext>(),
                http.Request.RouteValues[rule.RouteValue], http.RequestAborted);
            return outcome switch
            {
                StaffScopeOutcome.Allowed => await next(context),
                StaffScopeOutcome.NotFound when http.IsApi() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound),
                StaffScopeOutcome.NotFound => TypedResults.NotFound(),
                _ when http.IsApi() => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden),
                _ => TypedResults.Forbid(),
            };
        });
    }
}
