using Cotravail.Web.Common.PersonalData;
using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.Community;

/// <summary>Members taking part in the life of the places: « coups de main ».</summary>
public static class CommunityModule
{
    public static WebApplicationBuilder AddCommunity(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Volunteering>();
        builder.Services.AddScoped<Sites.Signups.IMemberSignups, VolunteeringSignups>();
        builder.Services.AddPersonalData<CommunityPersonalData>();
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizePage("/Community/Manage", Roles.Host));
        return builder;
    }
}
