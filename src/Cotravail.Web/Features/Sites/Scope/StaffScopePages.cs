using Cotravail.Web.Common;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.Sites;

/// <summary>
/// Staff pages whose route names a site, a network or something of one (an event, a survey…), by the start of their
/// route: every page under one of these gets the scope check before its handlers run (404 when the route names nothing,
/// 403 out of the person's scope) and the <see cref="StaffScopeRule"/> as endpoint metadata. A new page under one of
/// these routes is checked without a line of its own; a feature adds its own routes with <see cref="RequireStaffScope"/>.
/// </summary>
public static class StaffScopePages
{
    /// <summary>Where people act as staff (for CurrentUser), StaffAccess, and the routes of the sites and networks themselves.</summary>
    public static IServiceCollection AddStaffScope(this IServiceCollection services)
    {
        services.AddScoped<IStaffReachLoader, StaffReachLoader>();
        services.AddScoped<StaffAccess>();
        services.Configure<RazorPagesOptions>(o => o.Conventions
            .RequireStaffScope("accueil/{slug}", StaffScopeRule.SiteStaffBySlug())
            .RequireStaffScope("gestion/espaces/{id:int}", StaffScopeRule.SiteManager())
            .RequireStaffScope("gestion/reseaux/{id:int}", StaffScopeRule.NetworkManager()));
        return services;
    }

    /// <summary>The pages whose route is <paramref name="routePrefix"/> or starts with it and a slash (written without the leading slash).</summary>
    public static PageConventionCollection RequireStaffScope(this PageConventionCollection conventions, string routePrefix, StaffScopeRule rule)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        conventions.Add(new Convention(routePrefix, rule));
        return conventions;
    }

    private sealed class Convention(string prefix, StaffScopeRule rule) : IPageApplicationModelConvention
    {
        public void Apply(PageApplicationModel model)
        {
            var template = model.RouteTemplate?.TrimStart('/');
            if (template is not null && (template == prefix || template.StartsWith(prefix + "/", StringComparison.Ordinal)))
            {
                model.Filters.Add(new Check(rule));
                model.EndpointMetadata.Add(rule);
            }
        }
    }

    private sealed class Check(StaffScopeRule rule) : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var services = context.HttpContext.RequestServices;
            var outcome = await rule.CheckAsync(services.GetRequiredService<StaffAccess>(), services.GetRequiredService<AppDbContext>(),
                context.RouteData.Values[rule.RouteValue], context.HttpContext.RequestAborted);
            switch (outcome)
            {
                case StaffScopeOutcome.Allowed:
                    await next();
                    break;
                case StaffScopeOutcome.NotFound:
                    context.Result = new NotFoundResult();
                    break;
                default:
                    context.Result = new ForbidResult();
                    break;
            }
        }
    }
}
