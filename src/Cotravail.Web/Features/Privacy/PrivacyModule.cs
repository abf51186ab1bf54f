using Cotravail.Web.Common.PersonalData;
using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Cotravail.Web.Features.Privacy;

/// <summary>Personal data: « Mes données » (export, deletion), the activity of accounts and the retention of inactive ones.</summary>
public static class PrivacyModule
{
    public static WebApplicationBuilder AddPrivacy(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        // The account comes first in an export.
        s.Insert(0, ServiceDescriptor.Scoped<IPersonalData, AccountPersonalData>());
        s.AddMemoryCache();
        s.AddScoped<PersonalDataExport>();
        s.AddScoped<AccountEraser>();
        s.AddScoped<PrivacyMailer>();
        s.AddScoped<ActivityTracker>();
        s.AddScoped<RetentionJob>();
        // Every sign-in (pages, API, session renewal) records the account's activity.
        s.AddScoped<IUserClaimsPrincipalFactory<AppUser>, ActivityClaimsFactory>();
        if (builder.Configuration.GetValue("Privacy:Retention", true))
        {
            s.AddHostedService<RetentionWorker>();
        }
        return builder;
    }

    public static WebApplication MapPrivacy(this WebApplication app)
    {
        app.UseErasedAccountGuard();
        app.MapPrivacyApi();
        return app;
    }
}
