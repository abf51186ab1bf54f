using Cotravail.Web.Features.Access.Wifi.Radius;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Reception.Card;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.Access.Wifi;

/// <summary>
/// The Wi-Fi tied to rights: the RADIUS API FreeRADIUS calls (<c>/api/v1/radius/…</c>, key <c>Wifi:ApiKey</c>), the
/// site's NAS-Identifier (<c>/gestion/espaces/{id}/wifi</c>, managers of its network), the member's code on « Ma carte »
/// and <c>/ma-carte/wifi</c>, and the guests' code on an event's participants page.
/// </summary>
public static class WifiModule
{
    public static WebApplicationBuilder AddWifi(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.Configure<WifiOptions>(builder.Configuration.GetSection("Wifi"));
        s.AddScoped<WifiAccess>();
        s.AddScoped<WifiCodes>();
        s.AddScoped<ICardSection, WifiCardSection>();
        s.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Access/Wifi/Manage", Roles.Manager);
            o.Conventions.AuthorizeFolder("/Access/Wifi/Mine");
        });
        return builder;
    }

    public static WebApplication MapWifi(this WebApplication app)
    {
        app.MapRadiusApi();
        return app;
    }
}
