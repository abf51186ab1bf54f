using Cotravail.Web.Common.Auditing;
using Cotravail.Web.Data;
using Cotravail.Web.Common.Security;
using Microsoft.AspNetCore.Identity;
using Cotravail.Web.Features.Accounts.MyAccount;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cotravail.Web.Features.Accounts;

/// <summary>Accounts: ASP.NET Core Identity (cookies for pages, bearer tokens under /api/v1/auth), roles, policies.</summary>
public static class AccountsModule
{
    public const string ApiPolicy = "Api";

    /// <summary>Where Identity's API endpoints live (register, login, confirmEmail, forgotPassword…).</summary>
    public const string ApiRoot = "/api/v1/auth";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAudited<IdentityUserRole<string>>("UserRole", "Rôle", _ => AuditScope.Deployment, r => r.UserId, onlyOthers: true, fields: AccountsAuditWords.UserRole);
        // Written by the reset itself (IAuditLog), never by the interceptor: not an entity.
        services.AddAudited<TwoFactor.TwoFactorReset>(TwoFactor.TwoFactorReset.AuditName, "Double authentification d'un gestionnaire réinitialisée", _ => AuditScope.Deployment, fields: AccountsAuditWords.TwoFactorReset);
        var config = builder.Configuration;

        services.Configure<PasswordHasherOptions>(o =>
            o.IterationCount = Math.Max(1, config.GetValue("Identity:PasswordIterations", 210_000)));

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme);
        services.AddIdentityCore<AppUser>(o =>
            {
                // OWASP ASVS: length over composition; no forced character classes.
                o.Password.RequiredLength = PasswordRules.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.User.RequireUniqueEmail = true;
                // The user name is the e-mail address, already checked as one: o'neil@… and the like are welcome.
                o.User.AllowedUserNameCharacters = "";
                o.SignIn.RequireConfirmedEmail = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = config.GetValue("Identity:MaxFailedAccessAttempts", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(config.GetValue("Identity:LockoutMinutes", 15));
                o.Tokens.ChangeEmailTokenProvider = ChangeEmailTokens.Name;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<AppUserManager>()
            .AddErrorDescriber<FrenchIdentityErrors>()
            .AddDefaultTokenProviders()
            // Registers Identity's sign-in manager and default token providers again: replaced just after.
            .AddApiEndpoints()
            .AddSignInManager<SignIn.AppSignInManager>()
            // Authenticator codes on the injected clock, each accepted once (in place of Identity's provider).
            .AddTokenProvider<TwoFactor.OneTimeCodes>(TokenOptions.DefaultAuthenticatorProvider)
            // Changes of address expire on the injected clock (ADR 0047).
            .AddTokenProvider<ChangeEmailTokens>(ChangeEmailTokens.Name);
        services.AddAuthentication().AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/compte/connexion";
            o.LogoutPath = "/compte/deconnexion";
            o.AccessDeniedPath = "/compte/acces-refuse";
            o.Cookie.Name = "cotravail.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            // The API never redirects to a login page: it answers 401 / 403.
            o.Events.OnRedirectToLogin = c => ApiOrRedirect(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => ApiOrRedirect(c, StatusCodes.Status403Forbidden);
        });
        // Identity's API endpoints and the pages send the same French e-mails.
        services.AddHttpContextAccessor();
        services.AddSingleton<AccountLinks>();
        services.AddScoped<IdentityMailer>();
        services.AddSingleton<IEmailSender<AppUser>, IdentityApiMailer>();
        services.AddScoped<AccountMails>();
        services.AddMyAccount();
        services.AddScoped<Registration.ExistingAccountRegistration>();
        services.AddSingleton<SignIn.UnknownAccountPassword>();
        services.AddScoped<TwoFactor.TwoFactorReset>();
        // Every session (cookie or bearer token) checked against its account's security stamp (and a manager's 2FA).
        services.AddSingleton<AccountStates>();
        services.Replace(ServiceDescriptor.Scoped<Microsoft.AspNetCore.Authentication.IAuthenticationService, CheckedAuthenticationService>());
        builder.AddKeyProtection();

        services.AddSingleton<TwoFactor.ManagerTwoFactor>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler>(sp => sp.GetRequiredService<TwoFactor.ManagerTwoFactor>());
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Manager, p => p.RequireRole(Roles.Manager))
            .AddPolicy(Roles.Host, p => p.RequireRole(Roles.Host, Roles.Manager))
            .AddPolicy(ApiPolicy, p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, IdentityConstants.BearerScheme)
                .RequireAuthenticatedUser());
        return builder;
    }

    public static WebApplication MapAccounts(this WebApplication app)
    {
        app.MapGroup(ApiRoot)
            .WithTags("Comptes")
            .MapIdentityApi<AppUser>()
            .AddEndpointFilterFactory(IdentityApiInput.RejectEmptyRequiredFields)
            .AddEndpointFilterFactory(IdentityApiInput.RefuseEmailChange)
            .AddEndpointFilterFactory(MemberRole.OnApiRegistration)
            .AddEndpointFilterFactory(TwoFactor.ApiTwoFactor.OnLogin)
            .AddEndpointFilterFactory(Common.Security.RateLimiting.RateLimitedEndpoints.OnIdentityApi)
            // Past the limits: an address with an account answers as a new one; a manager keeps two-factor authentication.
            .AddEndpointFilterFactory(Registration.ExistingAccountRegistration.OnApiRegistration)
            .AddEndpointFilterFactory(TwoFactor.ApiTwoFactor.KeepManagersTwoFactor);
        app.MapMyAccountApi();
        return app;
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> c, int status)
    {
        if (Common.ApiPaths.IsApi(c.HttpContext))
        {
            c.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        c.Response.Redirect(c.RedirectUri);
        return Task.CompletedTask;
    }
}
