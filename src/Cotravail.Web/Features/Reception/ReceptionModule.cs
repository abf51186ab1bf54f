using Cotravail.Web.Common.Auditing;
using Cotravail.Web.Common.PersonalData;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Reception.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.Reception;

/// <summary>Reception: today at a site, check-in and check-out, walk-ins, no-shows, visits, members' cards, occupancy.</summary>
public static class ReceptionModule
{
    public static WebApplicationBuilder AddReception(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<Arrivals>();
        s.AddScoped<ReceptionPeople>();
        s.AddPersonalData<ReceptionPersonalData>();
        s.AddScoped<Billing.IInvoicesOfSites, WalkInInvoices>();
        s.AddScoped<Billing.Credits.IInvoiceHoldings, WalkInHoldings>();
        s.AddAudited<Visit>("Visit", "Arrivée (passage)", v => AuditScope.OfSite(v.SiteId), v => v.UserId, onlyOthers: true, fields: ReceptionAuditWords.Visit);
        s.AddScoped<TodayQuery>();
        s.AddScoped<MemberCards>();
        s.AddScoped<ArrivalCodes>();
        s.AddScoped<NoShows>();
        s.AddHostedService<VisitorRetention>();
        if (builder.Configuration.GetValue("Reception:NoShows", true))
        {
            s.AddHostedService<NoShowWorker>();
        }
        s.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Reception/Today", Roles.Host);
            o.Conventions.AuthorizeFolder("/Reception/WalkIn", Roles.Host);
            o.Conventions.AuthorizeFolder("/Reception/Card");
            o.Conventions.AuthorizeFolder("/Reception/Arrive");
        });
        return builder;
    }

    public static WebApplication MapReception(this WebApplication app)
    {
        app.MapReceptionApi();
        return app;
    }
}
