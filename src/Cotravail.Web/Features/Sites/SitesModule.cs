using Cotravail.Web.Common.Auditing;
using Cotravail.Web.Common.PersonalData;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Sites.Api;
using Cotravail.Web.Features.Sites.Map;
using Cotravail.Web.Features.Sites.Photos;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.Sites;

/// <summary>Sites: the network's places, their resources, opening hours, closures and staff.</summary>
public static class SitesModule
{
    public static WebApplicationBuilder AddSites(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<NetworkMembership>();
        builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, SiteStamp>();
        builder.Services.AddScoped<Impact.SiteChangeImpacts>();
        builder.Services.AddMemoryCache();
        builder.Services.AddPersonalData<StaffPersonalData>();
        var s = builder.Services;
        s.AddStaffScope();
        s.AddSitePhotos();
        s.AddSiteMap(builder.Configuration);
        s.AddAudited<SiteHost>("SiteHost", "Équipe d'accueil d'un lieu", h => AuditScope.OfSite(h.SiteId), h => h.UserId, fields: SitesAuditWords.SiteHost);
        s.AddAudited<NetworkManager>("NetworkManager", "Gestionnaire du réseau", m => AuditScope.OfNetwork(m.NetworkId), m => m.UserId, fields: SitesAuditWords.NetworkManager);
        s.AddAudited<Network>("Network", "Réseau", n => AuditScope.OfNetwork(n.Id), fields: SitesAuditWords.Network);
        s.AddAudited<Site>("Site", "Tiers-lieu", x => AuditScope.OfNetwork(x.NetworkId), fields: SitesAuditWords.Site);
        s.AddAudited<Resource>("Resource", "Espace réservable", r => AuditScope.OfSite(r.SiteId), fields: SitesAuditWords.Resource);
        s.AddAudited<OpeningHours>("OpeningHours", "Horaires d'ouverture", h => AuditScope.OfSite(h.SiteId), fields: SitesAuditWords.OpeningHours);
        s.AddAudited<Closure>("Closure", "Fermeture", c => AuditScope.OfSite(c.SiteId), fields: SitesAuditWords.Closure);
        builder.Services.Configure<RazorPagesOptions>(o =>
            o.Conventions.AuthorizeFolder("/Sites/Manage", Roles.Manager));
        return builder;
    }

    public static WebApplication MapSites(this WebApplication app)
    {
        app.MapSitesApi();
        app.MapCommunesApi();
        app.MapSiteChangesApi();
        app.MapSitePhotos();
        return app;
    }
}
