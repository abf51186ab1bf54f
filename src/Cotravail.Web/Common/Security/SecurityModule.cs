using Cotravail.Web.Common.Security.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Common.Security;

/// <summary>
/// Transport and session security: HTTPS (HSTS one year, redirection), cookie names and attributes, forwarded
/// headers from configured proxies only, how often a session is checked against its account, and rate limits.
/// </summary>
public static class SecurityModule
{
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var config = builder.Configuration;
        var transport = TransportSecurity.From(config, builder.Environment);
        services.AddSingleton(transport);

        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        // Forwarded headers from the configured proxies only (this machine when none is named): see TrustedProxies.
        var proxies = TrustedProxies.From(config);
        services.AddSingleton(proxies);
        services.Configure<ForwardedHeadersOptions>(proxies.ApplyTo);

        // Other sessions of an account end within this time of a password change, a sign-out or a 2FA change.
        services.Configure<SecurityStampValidatorOptions>(o =>
            o.ValidationInterval = TimeSpan.FromMinutes(Math.Max(0, config.GetValue("Security:SessionCheckMinutes", 1.0))));

        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => Harden(o.Cookie, transport, "cotravail.auth"));
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o => Harden(o.Cookie, transport, "cotravail.2fa"));
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o => Harden(o.Cookie, transport, "cotravail.2fa-device"));
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o => Harden(o.Cookie, transport, "cotravail.external"));
        services.PostConfigure<AntiforgeryOptions>(o =>
        {
            Harden(o.Cookie, transport, "cotravail.af");
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.PostConfigure<CookieTempDataProviderOptions>(o => Harden(o.Cookie, transport, "cotravail.notice"));
        services.PostConfigure<RequestLocalizationOptions>(o =>
        {
            foreach (var cookies in o.RequestCultureProviders.OfType<CookieRequestCultureProvider>())
            {
                cookies.CookieName = transport.CookieName(LanguageCookie);
            }
        });

        builder.AddRateLimits();
        // Who the person is, set once (ADR 0030); where they act as staff is read by Sites (AddStaffScope).
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        return builder;
    }

    /// <summary>The language switch's cookie (before the <c>__Host-</c> prefix).</summary>
    public const string LanguageCookie = "cotravail.lang";

    private static void Harden(CookieBuilder cookie, TransportSecurity transport, string name)
    {
        cookie.Name = transport.CookieName(name);
        cookie.HttpOnly = true;
        cookie.SecurePolicy = transport.SecurePolicy;
        cookie.Path = "/";
        cookie.Domain = null;
        if (cookie.SameSite is SameSiteMode.None or SameSiteMode.Unspecified)
        {
            cookie.SameSite = SameSiteMode.Lax;
        }
    }

    /// <summary>Forwarded headers (from known proxies), then HTTPS redirection and HSTS when served over HTTPS.</summary>
    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        TrustedProxies.Use(app);
        if (app.Services.GetRequiredService<TransportSecurity>().Https)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        return app;
    }
}
