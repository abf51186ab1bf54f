namespace Cotravail.Web.Features.MySpace;

/// <summary>« Mon espace »: the home of signed-in people (ADR 0045), page and API.</summary>
public static class MySpaceModule
{
    public static WebApplicationBuilder AddMySpace(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<MemberBlocks>();
        builder.Services.AddScoped<StaffBlocks>();
        builder.Services.AddScoped<MySummaryQuery>();
        return builder;
    }

    public static WebApplication MapMySpace(this WebApplication app)
    {
        app.MapMySummaryApi();
        return app;
    }
}
