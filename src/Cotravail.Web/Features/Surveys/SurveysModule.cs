using Cotravail.Web.Features.Sites;
using Cotravail.Web.Common.PersonalData;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Surveys.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.Surveys;

/// <summary>Surveys: the managers' builder and results, answering at /enquetes/{slug}, public results, the API.</summary>
public static class SurveysModule
{
    /// <summary>A survey by its id, in <c>/gestion/enquetes/{id}</c>: the managers of its network.</summary>
    public static readonly StaffScopeRule SurveyManager =
        StaffScopeRule.NetworkManagerOf("id", "survey id", (db, id) => db.Surveys.Where(x => x.Id == id).Select(x => x.NetworkId));

    public static WebApplicationBuilder AddSurveys(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<SurveyQueries>();
        s.AddPersonalData<SurveysPersonalData>();
        s.AddScoped<SurveyMailer>();
        s.AddScoped<SurveyDemo>();
        s.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Surveys/Manage", Roles.Manager)
            .RequireStaffScope("gestion/enquetes/{id:int}", SurveyManager));
        return builder;
    }

    public static WebApplication MapSurveys(this WebApplication app)
    {
        app.MapSurveysApi();
        return app;
    }
}
