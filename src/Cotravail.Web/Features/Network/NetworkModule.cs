using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Privacy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.Entrepreneurs;

/// <summary>The local entrepreneurs' network: directory of profiles, offers and needs, contact relay, weekly digest.</summary>
public static class NetworkModule
{
    public static WebApplicationBuilder AddNetwork(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<Audiences>();
        s.AddScoped<DirectoryQuery>();
        s.AddScoped<BoardQuery>();
        s.AddScoped<ProfileEditor>();
        s.AddScoped<ContactRelay>();
        s.AddScoped<Suggestions>();
        s.AddScoped<WeeklyDigest>();
        s.AddScoped<NetworkSizes>();
        s.AddScoped<NetworkDemo>();
        s.AddSingleton<NetworkLinks>();
        s.AddPersonalData<NetworkPersonalData>();
        if (builder.Configuration.GetValue("Network:Digest", true))
        {
            s.AddHostedService<DigestWorker>();
        }
        s.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizePage("/Network/Directory/Mine");
            o.Conventions.AuthorizePage("/Network/Board/New");
            o.Conventions.AuthorizeFolder("/Network/Messages");
            o.Conventions.AuthorizeFolder("/Network/Manage", Roles.Manager);
        });
        return builder;
    }

    public static WebApplication MapNetwork(this WebApplication app)
    {
        app.MapNetworkApi();
        app.MapProfilePhotos();
        return app;
    }
}
