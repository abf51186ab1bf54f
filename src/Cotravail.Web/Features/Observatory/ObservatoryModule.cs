using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Observatory.Report;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.Observatory;

/// <summary>The observatory: indicators for the managers, a public page of aggregates, open data.</summary>
public static class ObservatoryModule
{
    public static WebApplicationBuilder AddObservatory(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IndicatorsQuery>();
        builder.Services.AddScoped<YearOnYear>();
        builder.Services.AddActivityReports();
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizePage("/Observatory/Manage", Roles.Manager));
        return builder;
    }

    public static WebApplication MapObservatory(this WebApplication app)
    {
        app.MapObservatoryApi();
        app.MapOpenData();
        app.MapActivityReports();
        return app;
    }
}
