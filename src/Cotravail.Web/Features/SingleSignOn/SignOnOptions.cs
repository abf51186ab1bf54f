using System.Security.Claims;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Cotravail.Web.Features.SingleSignOn;

/// <summary>Settings of single sign-on for the whole deployment (<c>SingleSignOn:…</c>).</summary>
public sealed class SingleSignOnSettings
{
    public const string Section = "SingleSignOn";

    /// <summary>Accept an authority in plain http on a loopback address (a Keycloak on the same machine, tests). Off by default.</summary>
    public bool AllowHttpOnLoopback { get; set; }

    /// <summary>How long a call to the provider (discovery, keys, token endpoint) may take, in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 10;
}

/// <summary>
/// The OpenID Connect options of a network's scheme, built from its row when first asked (and again after
/// <see cref="SignOnProviders"/> dropped them): authorization code flow with PKCE, the answer in the query string, the
/// result kept in Identity's external cookie for <c>/compte/connexion-unique/fin</c> to decide on.
/// </summary>
public sealed class SignOnOptions(IServiceScopeFactory scopes, IOptions<SingleSignOnSettings> settings) : IConfigureNamedOptions<OpenIdConnectOptions>
{
    public void Configure(OpenIdConnectOptions options)
    {
    }

    public void Configure(string? name, OpenIdConnectOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (SignOnRules.NetworkOf(name) is not { } networkId)
        {
            return;
        }
        using var scope = scopes.CreateScope();
        var row = scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<NetworkSignOn>().AsNoTracking()
            .FirstOrDefault(p => p.NetworkId == networkId);
        if (row is null)
        {
            return;
        }
        var s = settings.Value;
        options.SignInScheme = IdentityConstants.ExternalScheme;
        options.Authority = row.Authority;
        options.RequireHttpsMetadata = !(s.AllowHttpOnLoopback && Uri.TryCreate(row.Authority, UriKind.Absolute, out var a) && a.IsLoopback);
        options.ClientId = row.ClientId;
        options.ClientSecret = row.ClientSecretProtected is { } secret ? scope.ServiceProvider.GetRequiredService<SignOnSecrets>().Unprotect(secret) : null;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.UsePkce = true;
        options.CallbackPath = SignOnRules.CallbackPath(networkId);
        options.Scope.Clear();
        foreach (var scopeName in SignOnRules.ScopeList(row.Scopes))
        {
            options.Scope.Add(scopeName);
        }
        // The claims as the provider names them (« sub », « email », « amr »): no mapping to Microsoft's claim types.
        options.MapInboundClaims = false;
        options.GetClaimsFromUserInfoEndpoint = true;
        options.ClaimActions.MapUniqueJsonKey(row.EmailClaim, row.EmailClaim);
        options.ClaimActions.MapUniqueJsonKey("email_verified", "email_verified");
        options.ClaimActions.MapUniqueJsonKey("given_name", "given_name");
        options.ClaimActions.MapUniqueJsonKey("family_name", "family_name");
        options.ClaimActions.MapUniqueJsonKey("usual_name", "usual_name");
        options.SaveTokens = false;
        options.BackchannelTimeout = TimeSpan.FromSeconds(Math.Clamp(s.TimeoutSeconds, 1, 120));
        // The answer comes back as a top-level GET: Lax cookies are sent with it, and https sets them Secure.
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Events = new OpenIdConnectEvents
        {
            OnTokenValidated = KeepSubject,
            OnRemoteFailure = RefuseAsync,
            OnAccessDenied = c =>
            {
                c.Response.Redirect(SignOnRefusal.Path(SignOnRefusal.Cancelled));
                c.HandleResponse();
                return Task.CompletedTask;
            },
        };
    }

    /// <summary>Identity finds the external login by <see cref="ClaimTypes.NameIdentifier"/>: the subject, as the provider gave it.</summary>
    private static Task KeepSubject(TokenValidatedContext context)
    {
        if (context.Principal?.Identity is ClaimsIdentity identity && identity.FindFirst("sub") is { } sub
            && identity.FindFirst(ClaimTypes.NameIdentifier) is null)
        {
            identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, sub.Value, sub.ValueType, sub.Issuer));
        }
        return Task.CompletedTask;
    }

    /// <summary>Wrong state or nonce, a token of another issuer, an error from the provider: logged, the sign-in page says so.</summary>
    private static Task RefuseAsync(RemoteFailureContext context)
    {
        var log = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<SignOnOptions>();
        SignOnLog.Failed(log, context.Scheme.Name, context.Failure?.GetType().Name ?? "?", context.Failure?.Message ?? "");
        context.Response.Redirect(SignOnRefusal.Path(SignOnRefusal.Failed));
        context.HandleResponse();
        return Task.CompletedTask;
    }
}

internal static partial class SignOnLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Single sign-on through {Scheme} refused: {Failure} {Detail}")]
    public static partial void Failed(ILogger logger, string scheme, string failure, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Single sign-on through {Scheme} refused for account {UserId}: {Reason}")]
    public static partial void Refused(ILogger logger, string scheme, string? userId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Single sign-on through {Scheme}: account {UserId} {What}")]
    public static partial void Signed(ILogger logger, string scheme, string userId, string what);
}
