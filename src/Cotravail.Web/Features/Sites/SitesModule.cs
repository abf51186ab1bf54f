using Cotravail.Web.Features.Sites.Api;

namespace Cotravail.Web.Features.Sites;

/// <summary>Sites: the network's places, their resources, opening hours, closures and staff.</summary>
public static class SitesModule
{
    public static WebApplicationBuilder AddSites(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<StaffScope>();
        return builder;
    }

    public static WebApplication MapSites(this WebApplication app)
    {
        app.MapSitesApi();
        return app;
    }
}
