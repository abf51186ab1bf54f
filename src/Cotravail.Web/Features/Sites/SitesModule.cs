using Cotravail.Web.Features.Privacy;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Sites.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.Sites;

/// <summary>Sites: the network's places, their resources, opening hours, closures and staff.</summary>
public static class SitesModule
{
    public static WebApplicationBuilder AddSites(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<NetworkMembership>();
        builder.Services.AddMemoryCache();
        builder.Services.AddPersonalData<StaffPersonalData>();
        builder.Services.Configure<RazorPagesOptions>(o =>
            o.Conventions.AuthorizeFolder("/Sites/Manage", Roles.Manager));
        return builder;
    }

    public static WebApplication MapSites(this WebApplication app)
    {
        app.MapSitesApi();
        return app;
    }
}
