using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Cotravail.Tests.SingleSignOn;

/// <summary>The person the test provider signs in at its authorization endpoint, as the test chose them.</summary>
public sealed record OidcUser(string Subject, string Email, bool EmailVerified = true, string[]? Amr = null, string? Acr = null,
    string GivenName = "Camille", string FamilyName = "Martin");

/// <summary>
/// An OpenID Connect provider on a loopback port, built on OpenIddict's server (degraded mode: no stores, the client
/// checked here): authorization code flow with PKCE, ID tokens signed with an ephemeral RSA key. Its authorization
/// endpoint signs in <see cref="User"/> at once (no login form), with the claims the test gave. <see cref="WrongIssuer"/>
/// makes its discovery document name another issuer than its tokens carry.
/// </summary>
public sealed class OidcTestServer : IAsyncDisposable
{
    public const string ClientId = "cotravail";
    public const string ClientSecret = "secret-du-client-de-test";

    private readonly WebApplication _app;

    public Uri Authority { get; private set; } = null!;

    /// <summary>Who signs in next.</summary>
    public OidcUser User { get; set; } = new("sujet-1", "personne@exemple.fr");

    /// <summary>The discovery document names an issuer of its own, not the one of the tokens.</summary>
    public bool WrongIssuer { get; set; }

    /// <summary>Token requests received (code redemptions).</summary>
    public int TokenRequests => _tokenRequests;

    private int _tokenRequests;

    private OidcTestServer(WebApplication app) => _app = app;

    public static async Task<OidcTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        OidcTestServer? server = null;
        builder.Services.AddOpenIddict().AddServer(o =>
        {
            o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
            o.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
            o.RegisterClaims(Claims.Email, "email_verified", Claims.GivenName, Claims.FamilyName, "amr", "acr");
            o.EnableDegradedMode().DisableTokenStorage().DisableAuthorizationStorage();
            o.UseAspNetCore().DisableTransportSecurityRequirement();
            o.AddEventHandler<ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.RedirectUri is null
                    || !context.RedirectUri.StartsWith("http://localhost/compte/connexion-unique/retour/", StringComparison.Ordinal))
                {
                    context.Reject(Errors.InvalidClient, "Unknown client or redirect_uri.");
                }
                return default;
            }));
            o.AddEventHandler<HandleAuthorizationRequestContext>(b => b.UseInlineHandler(context =>
            {
                var user = server!.User;
                var identity = new ClaimsIdentity("test", Claims.Name, Claims.Role);
                identity.AddClaim(new Claim(Claims.Subject, user.Subject));
                identity.AddClaim(new Claim(Claims.Email, user.Email));
                identity.AddClaim(new Claim("email_verified", user.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
                identity.AddClaim(new Claim(Claims.GivenName, user.GivenName));
                identity.AddClaim(new Claim(Claims.FamilyName, user.FamilyName));
                foreach (var method in user.Amr ?? [])
                {
                    identity.AddClaim(new Claim("amr", method));
                }
                if (user.Acr is not null)
                {
                    identity.AddClaim(new Claim("acr", user.Acr));
                }
                var principal = new ClaimsPrincipal(identity);
                principal.SetScopes(context.Request.GetScopes());
                principal.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
                context.Principal = principal;
                return default;
            }));
            o.AddEventHandler<ValidateTokenRequestContext>(b => b.UseInlineHandler(context =>
            {
                Interlocked.Increment(ref server!._tokenRequests);
                if (context.ClientId != ClientId || context.Request.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "Wrong client credentials.");
                }
                return default;
            }));
        });
        var app = builder.Build();
        server = new OidcTestServer(app);
        app.Use(server.DiscoveryAsync);
        app.UseAuthentication();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Authority = new Uri(address.TrimEnd('/') + "/");
        // Its first answer builds OpenIddict's pipeline: done here, before Cotravail asks with its own timeout.
        using var warmUp = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        (await warmUp.GetAsync(new Uri(server.Authority, ".well-known/openid-configuration"))).EnsureSuccessStatusCode();
        return server;
    }

    /// <summary>The discovery document, with another issuer when <see cref="WrongIssuer"/> is set.</summary>
    private async Task DiscoveryAsync(HttpContext context, RequestDelegate next)
    {
        if (!WrongIssuer || context.Request.Path != "/.well-known/openid-configuration")
        {
            await next(context);
            return;
        }
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        await next(context);
        context.Response.Body = original;
        var json = JsonNode.Parse(buffer.ToArray())!.AsObject();
        json["issuer"] = "https://autre-fournisseur.exemple/";
        context.Response.ContentLength = null;
        await context.Response.WriteAsync(json.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
