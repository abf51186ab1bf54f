using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.SingleSignOn;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.SingleSignOn;

/// <summary>« Connexion unique » of a network: managers of that network only, bad input refused in French, the secret never shown back.</summary>
public sealed class SignOnSettingsPageTests
{
    private static Dictionary<string, string> Form(string authority, string name = "ProConnect", string secret = "un-secret-tres-long") => new()
    {
        ["Input.DisplayName"] = name,
        ["Input.Authority"] = authority,
        ["Input.ClientId"] = "client-cotravail",
        ["Input.ClientSecret"] = secret,
        ["Input.Scopes"] = "openid email given_name usual_name",
        ["Input.EmailClaim"] = "email",
        ["Input.AllowStaff"] = "true",
        ["Input.AllowMembers"] = "true",
        ["Input.Enabled"] = "true",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_manager_sets_the_networks_provider_and_the_sign_in_page_offers_it(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var (other, _, otherManager) = await app.CreateOtherNetworkAsync();
        var networkId = await app.WithDbAsync(db => db.NetworkManagers.Where(m => m.User!.Email == TestApp.ManagerEmail).Select(m => m.NetworkId).FirstAsync());
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var url = SignOnWorld.SettingsUrl(networkId);

        // Bad input: French messages, 400, nothing saved.
        var unnamed = await manager.SubmitFormAsync(url, Form("https://auth.exemple.fr/", name: ""), "#single-sign-on-settings");
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Contains("Indiquez le nom du fournisseur d'identité", (await unnamed.ParseAsync()).QuerySelector("main").Text(), StringComparison.Ordinal);
        var bad = await manager.SubmitFormAsync(url, new Dictionary<string, string>(Form("ftp://auth.exemple.fr/")) { ["Input.Scopes"] = "openid \"email\"" }, "#single-sign-on-settings");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var text = (await bad.ParseAsync()).QuerySelector("main").Text();
        Assert.Contains("adresse https complète", text, StringComparison.Ordinal);
        Assert.Contains("Séparez les scopes par des espaces", text, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Set<NetworkSignOn>().AnyAsync()));
        Assert.Empty((await app.Browser().GetDocumentAsync("/compte/connexion")).QuerySelectorAll("a.sso-button"));

        var saved = await manager.SubmitFormAsync(url, Form("https://auth.exemple.fr/realms/lot"), "#single-sign-on-settings");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var row = await app.WithDbAsync(db => db.Set<NetworkSignOn>().AsNoTracking().SingleAsync());
        Assert.Equal(networkId, row.NetworkId);
        Assert.Equal("openid email given_name usual_name", row.Scopes);
        Assert.NotNull(row.ClientSecretProtected);
        Assert.DoesNotContain("un-secret-tres-long", row.ClientSecretProtected, StringComparison.Ordinal);
        var page = await manager.GetDocumentAsync(url);
        Assert.DoesNotContain("un-secret-tres-long", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#sso-secret-stored"));
        Assert.Contains(SignOnRules.CallbackPath(networkId), page.QuerySelector(".sso-callback").Text(), StringComparison.Ordinal);

        // A blank secret keeps the stored one.
        await manager.SubmitFormAsync(url, Form("https://auth.exemple.fr/realms/lot", name: "Keycloak du Lot", secret: ""), "#single-sign-on-settings");
        Assert.Equal(row.ClientSecretProtected, await app.WithDbAsync(db => db.Set<NetworkSignOn>().Select(p => p.ClientSecretProtected).SingleAsync()));
        var login = await app.Browser().GetDocumentAsync("/compte/connexion");
        Assert.Equal("Se connecter avec Keycloak du Lot", Assert.Single(login.QuerySelectorAll("a.sso-button")).Text());

        // The other network's manager reaches only their own network's page.
        var stranger = app.Browser();
        await stranger.SignInAsync(otherManager.Email!);
        await SignOnWorld.AssertDeniedAsync(stranger, url);
        await stranger.GetDocumentAsync(SignOnWorld.SettingsUrl(other.Id));
        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);
        await SignOnWorld.AssertDeniedAsync(member, url);
    }
}
