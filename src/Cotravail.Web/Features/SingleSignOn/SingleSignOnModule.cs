using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cotravail.Web.Features.SingleSignOn;

/// <summary>
/// Single sign-on with OpenID Connect (ADR 0059): per network, a provider its managers set on « Connexion unique »
/// (<c>/gestion/reseau/connexion-unique</c>), one ASP.NET Core OpenID Connect scheme per network known from the
/// database by every instance (<see cref="SignOnSchemeProvider"/>), the buttons on the sign-in page, and the decision
/// of who signs in (<see cref="SignIn.FinishModel"/>).
/// </summary>
public static class SingleSignOnModule
{
    public static WebApplicationBuilder AddSingleSignOn(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var s = builder.Services;
        s.Configure<SingleSignOnSettings>(builder.Configuration.GetSection(SingleSignOnSettings.Section));
        s.AddSingleton<SignOnProviders>();
        s.AddSingleton<SignOnSecrets>();
        s.AddScoped<SignOnSettingsStore>();
        s.Replace(ServiceDescriptor.Singleton<IAuthenticationSchemeProvider, SignOnSchemeProvider>());
        s.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, SignOnOptions>();
        // What AddOpenIdConnect registers besides its scheme: the handler's state format, configuration manager and back channel.
        s.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        s.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/SingleSignOn/Manage", Accounts.Roles.Manager));
        return builder;
    }
}
