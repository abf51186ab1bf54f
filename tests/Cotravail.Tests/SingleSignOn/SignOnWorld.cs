using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.SingleSignOn;
using Cotravail.Web.Features.SingleSignOn.SignIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.SingleSignOn;

/// <summary>
/// Cotravail (in memory) and a test OpenID Connect provider (real HTTP on a loopback port), the demo network's provider
/// set to it. The browser keeps Cotravail's cookies; the provider's side is a plain HTTP client, as it signs in at once.
/// </summary>
public sealed class SignOnWorld : IAsyncDisposable
{
    public TestApp App { get; }
    public OidcTestServer Provider { get; }
    public int NetworkId { get; }

    private SignOnWorld(TestApp app, OidcTestServer provider, int networkId)
    {
        App = app;
        Provider = provider;
        NetworkId = networkId;
    }

    public static async Task<SignOnWorld> StartAsync(string database = "Sqlite", bool managersNeedTwoFactor = false)
    {
        var provider = await OidcTestServer.StartAsync();
        var app = await TestApp.StartAsync(database, new Dictionary<string, string?>
        {
            ["SingleSignOn:AllowHttpOnLoopback"] = "true",
            // The machine running the tests may be slow to answer: a refused sign-in must not come from a timeout.
            ["SingleSignOn:TimeoutSeconds"] = "120",
            ["Security:RequireTwoFactorForManagers"] = managersNeedTwoFactor ? "true" : "false",
        });
        // Cookies carry their expiry from the app's clock: the provider's answer must come back before they expire.
        if (DateTimeOffset.UtcNow > app.Clock.GetUtcNow())
        {
            app.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        }
        var networkId = await app.WithDbAsync(db => db.NetworkManagers.Where(m => m.User!.Email == TestApp.ManagerEmail)
            .Select(m => m.NetworkId).FirstAsync());
        var world = new SignOnWorld(app, provider, networkId);
        await world.ConfigureAsync(networkId, allowStaff: true);
        return world;
    }

    /// <summary>Sets a network's provider to the test provider, as its manager would.</summary>
    public Task ConfigureAsync(int networkId, bool allowStaff, bool allowMembers = true, string name = "Keycloak de test") =>
        App.WithScopeAsync(sp => sp.GetRequiredService<SignOnSettingsStore>().SaveAsync(networkId,
            new SignOnSettingsInput(name, Provider.Authority.AbsoluteUri, OidcTestServer.ClientId, OidcTestServer.ClientSecret,
                "openid email profile", "email", allowStaff, allowMembers, Enabled: true), "test", CancellationToken.None));

    /// <summary>
    /// Clicks « Se connecter avec … » for the network on the sign-in page, lets the provider sign <paramref name="user"/>
    /// in, and comes back with the provider's answer (changed by <paramref name="tamper"/>): the last answer of Cotravail.
    /// </summary>
    public async Task<HttpResponseMessage> SignOnAsync(HttpClient browser, OidcUser user, int? networkId = null, Func<string, string>? tamper = null)
    {
        Provider.User = user;
        var network = networkId ?? NetworkId;
        var login = await browser.GetDocumentAsync("/compte/connexion");
        var href = login.QuerySelectorAll("a.sso-button").Select(a => a.GetAttribute("href")).Single(h => h == StartModel.PathFor(network, null));
        var start = await browser.GetAsync(new Uri(href!, UriKind.Relative));
        Assert.True(start.StatusCode == HttpStatusCode.Redirect, $"start: {(int)start.StatusCode}");
        var authorize = start.Headers.Location!;
        Assert.StartsWith(Provider.Authority.AbsoluteUri, authorize.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("code_challenge=", authorize.Query, StringComparison.Ordinal);
        using var idp = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var answer = await idp.GetAsync(authorize);
        Assert.True(answer.StatusCode == HttpStatusCode.Redirect, $"provider: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        var callback = answer.Headers.Location!;
        Assert.Equal(SignOnRules.CallbackPath(network), callback.AbsolutePath);
        var back = tamper is null ? callback.PathAndQuery : tamper(callback.PathAndQuery);
        var handled = await browser.GetAsync(new Uri(back, UriKind.Relative));
        if (handled.Headers.Location is { } next && next.OriginalString.StartsWith(FinishModel.Path, StringComparison.Ordinal))
        {
            return await browser.GetAsync(next);
        }
        return handled;
    }

    public static string SettingsUrl(int networkId) => Cotravail.Web.Features.SingleSignOn.Manage.SettingsModel.Link(networkId);

    /// <summary>The page is refused: 403, or the redirection to « accès refusé » that pages answer.</summary>
    public static async Task AssertDeniedAsync(HttpClient browser, string url)
    {
        var response = await browser.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/compte/acces-refuse", StringComparison.Ordinal) == true),
            $"GET {url}: {(int)response.StatusCode} → {response.Headers.Location}");
    }

    /// <summary>True when the browser is signed in (« Mon espace » opens).</summary>
    public static async Task<bool> SignedInAsync(HttpClient browser) =>
        (await browser.GetAsync(new Uri("/mon-espace", UriKind.Relative))).StatusCode == HttpStatusCode.OK;

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
