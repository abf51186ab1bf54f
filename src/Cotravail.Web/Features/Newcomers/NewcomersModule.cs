using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Newcomers.Api;
using Cotravail.Web.Features.Privacy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.Newcomers;

/// <summary>Welcoming newcomers: the territory's pages, « Je m'installe / je découvre » requests, ambassadors, testimonies.</summary>
public static class NewcomersModule
{
    public static WebApplicationBuilder AddNewcomers(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<NewcomerInbox>();
        s.AddScoped<Relay>();
        s.AddScoped<NewcomerIndicators>();
        s.AddScoped<NewcomersDemo>();
        s.AddHostedService<NewcomerRetention>();
        s.AddSingleton<NewcomerLinks>();
        s.AddPersonalData<NewcomersPersonalData>();
        s.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Newcomers/Manage", Roles.Manager);
            o.Conventions.AuthorizeFolder("/Newcomers/Members");
        });
        return builder;
    }

    public static WebApplication MapNewcomers(this WebApplication app)
    {
        app.MapNewcomerRequestsApi();
        app.MapSectionImages();
        return app;
    }
}
