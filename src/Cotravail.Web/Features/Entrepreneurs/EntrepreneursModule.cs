using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Privacy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.Entrepreneurs;

/// <summary>The local entrepreneurs' network: directory of profiles, offers and needs, contact relay, weekly digest.</summary>
public static class EntrepreneursModule
{
    public static WebApplicationBuilder AddEntrepreneurs(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<Audiences>();
        s.AddScoped<DirectoryQuery>();
        s.AddScoped<BoardQuery>();
        s.AddScoped<ProfileEditor>();
        s.AddScoped<ContactRelay>();
        s.AddScoped<Suggestions>();
        s.AddScoped<WeeklyDigest>();
        s.AddScoped<DirectorySizes>();
        s.AddScoped<EntrepreneursDemo>();
        s.AddSingleton<EntrepreneursLinks>();
        s.AddPersonalData<EntrepreneursPersonalData>();
        if (builder.Configuration.GetValue("Network:Digest", true))
        {
            s.AddHostedService<DigestWorker>();
        }
        s.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizePage("/Entrepreneurs/Directory/Mine");
            o.Conventions.AuthorizePage("/Entrepreneurs/Board/New");
            o.Conventions.AuthorizeFolder("/Entrepreneurs/Messages");
            o.Conventions.AuthorizeFolder("/Entrepreneurs/Manage", Roles.Manager);
        });
        return builder;
    }

    public static WebApplication MapEntrepreneurs(this WebApplication app)
    {
        app.MapEntrepreneursApi();
        app.MapProfilePhotos();
        return app;
    }
}
