using Cotravail.Web.Common.PersonalData;
using Cotravail.Web.Features.Privacy;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Surveys.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.Surveys;

/// <summary>Surveys: the managers' builder and results, answering at /enquetes/{slug}, public results, the API.</summary>
public static class SurveysModule
{
    public static WebApplicationBuilder AddSurveys(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<SurveyQueries>();
        s.AddPersonalData<SurveysPersonalData>();
        s.AddScoped<SurveyMailer>();
        s.AddScoped<SurveyDemo>();
        s.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Surveys/Manage", Roles.Manager));
        return builder;
    }

    public static WebApplication MapSurveys(this WebApplication app)
    {
        app.MapSurveysApi();
        return app;
    }
}
