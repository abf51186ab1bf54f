using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Trust;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.SingleSignOn;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.SingleSignOn;

/// <summary>
/// Signing in with a network's OpenID Connect provider, against a provider started by the tests: linking by verified
/// e-mail, refusals (unverified e-mail, tampered state, another issuer, staff of another network), the second factor.
/// </summary>
public sealed class SignOnTests
{
    private static Task<AppUser?> UserAsync(TestApp app, string email) =>
        app.WithDbAsync(db => db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == email));

    private static Task<List<string>> LoginsAsync(TestApp app, string userId) =>
        app.WithDbAsync(db => db.UserLogins.Where(l => l.UserId == userId).Select(l => l.LoginProvider + "|" + l.ProviderKey).ToListAsync());

    private static void AssertRefused(HttpResponseMessage response, string reason) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == SignOnRefusal.Path(reason),
            $"{(int)response.StatusCode} → {response.Headers.Location}, expected {SignOnRefusal.Path(reason)}");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_first_sign_in_links_the_existing_member_by_verified_email_and_the_next_one_finds_the_link(string database)
    {
        await using var w = await SignOnWorld.StartAsync(database);
        var browser = w.App.Browser();
        var member = (await UserAsync(w.App, TestApp.MemberEmail))!;

        var response = await w.SignOnAsync(browser, new OidcUser("kc-membre", TestApp.MemberEmail.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/mon-espace", response.Headers.Location?.OriginalString);
        Assert.True(await SignOnWorld.SignedInAsync(browser));
        Assert.Equal([SignOnRules.SchemeName(w.NetworkId) + "|kc-membre"], await LoginsAsync(w.App, member.Id));

        // Signed out, the same subject signs in again through the stored link, with the password still usable.
        var again = w.App.Browser();
        var second = await w.SignOnAsync(again, new OidcUser("kc-membre", TestApp.MemberEmail));
        Assert.Equal("/mon-espace", second.Headers.Location?.OriginalString);
        Assert.Single(await LoginsAsync(w.App, member.Id));
        var withPassword = w.App.Browser();
        await withPassword.SignInAsync(TestApp.MemberEmail);
    }

    [Fact]
    public async Task An_unverified_email_is_refused_with_a_french_message_and_nothing_is_linked_or_made()
    {
        await using var w = await SignOnWorld.StartAsync();
        var browser = w.App.Browser();
        var member = (await UserAsync(w.App, TestApp.MemberEmail))!;

        var response = await w.SignOnAsync(browser, new OidcUser("kc-1", TestApp.MemberEmail, EmailVerified: false));
        AssertRefused(response, SignOnRefusal.Unverified);
        var page = await browser.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("n'a pas confirmé votre adresse e-mail", page.QuerySelector("#connexion-unique-refus").Text(), StringComparison.Ordinal);
        Assert.False(await SignOnWorld.SignedInAsync(browser));
        Assert.Empty(await LoginsAsync(w.App, member.Id));

        var stranger = await w.SignOnAsync(w.App.Browser(), new OidcUser("kc-2", "inconnue@exemple.fr", EmailVerified: false));
        AssertRefused(stranger, SignOnRefusal.Unverified);
        Assert.Null(await UserAsync(w.App, "inconnue@exemple.fr"));
    }

    [Fact]
    public async Task A_tampered_state_or_a_token_of_another_issuer_is_refused_and_nobody_is_signed_in()
    {
        await using var w = await SignOnWorld.StartAsync();
        var browser = w.App.Browser();

        var tampered = await w.SignOnAsync(browser, new OidcUser("kc-membre", TestApp.MemberEmail),
            tamper: back => back.Replace("state=", "state=x", StringComparison.Ordinal));
        AssertRefused(tampered, SignOnRefusal.Failed);
        Assert.False(await SignOnWorld.SignedInAsync(browser));
        var page = await browser.GetDocumentAsync(tampered.Headers.Location!.OriginalString);
        Assert.Contains("n'a pas pu être vérifiée", page.QuerySelector("#connexion-unique-refus").Text(), StringComparison.Ordinal);
        Assert.Equal(0, w.Provider.TokenRequests);

        // Saved again, the provider's discovery document is read again: it now names another issuer than the tokens.
        w.Provider.WrongIssuer = true;
        await w.ConfigureAsync(w.NetworkId, allowStaff: true);
        var other = w.App.Browser();
        var issuer = await w.SignOnAsync(other, new OidcUser("kc-membre", TestApp.MemberEmail));
        AssertRefused(issuer, SignOnRefusal.Failed);
        Assert.False(await SignOnWorld.SignedInAsync(other));
        var member = (await UserAsync(w.App, TestApp.MemberEmail))!;
        Assert.Empty(await LoginsAsync(w.App, member.Id));
    }

    [Fact]
    public async Task A_new_person_gets_a_member_account_of_the_network_unless_the_provider_makes_none()
    {
        await using var w = await SignOnWorld.StartAsync();
        var browser = w.App.Browser();

        var response = await w.SignOnAsync(browser, new OidcUser("kc-new", "nouvelle@exemple.fr", GivenName: "Léa", FamilyName: "Roux"));
        Assert.Equal("/mon-espace", response.Headers.Location?.OriginalString);
        var user = (await UserAsync(w.App, "nouvelle@exemple.fr"))!;
        Assert.True(user.EmailConfirmed);
        Assert.Equal("Léa Roux", user.DisplayName);
        Assert.Equal([Roles.Member], await w.App.WithDbAsync(db =>
            (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name!).ToListAsync()));

        await w.ConfigureAsync(w.NetworkId, allowStaff: true, allowMembers: false);
        var refused = await w.SignOnAsync(w.App.Browser(), new OidcUser("kc-other", "autre-personne@exemple.fr"));
        AssertRefused(refused, SignOnRefusal.NoAccount);
        Assert.Null(await UserAsync(w.App, "autre-personne@exemple.fr"));
    }

    [Fact]
    public async Task A_manager_without_a_second_factor_asserted_goes_to_the_second_step_and_with_one_is_signed_in()
    {
        await using var w = await SignOnWorld.StartAsync(managersNeedTwoFactor: true);
        await w.App.TurnTwoFactorOnAsync(TestApp.ManagerEmail);

        var browser = w.App.Browser();
        var response = await w.SignOnAsync(browser, new OidcUser("kc-gestion", TestApp.ManagerEmail, Amr: ["pwd"]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/compte/connexion/deux-etapes", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.False(await SignOnWorld.SignedInAsync(browser));
        // The second step, with a recovery code, ends the sign-in as after a password.
        string code;
        await using (var scope = w.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            code = (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync(TestApp.ManagerEmail))!, 1))!.Single();
        }
        var step = await browser.SubmitFormAsync(response.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, step.StatusCode);
        await browser.GetDocumentAsync(SignOnWorld.SettingsUrl(w.NetworkId));

        var asserted = w.App.Browser();
        var direct = await w.SignOnAsync(asserted, new OidcUser("kc-gestion", TestApp.ManagerEmail, Amr: ["pwd", "mfa"]));
        Assert.Equal("/mon-espace", direct.Headers.Location?.OriginalString);
        await asserted.GetDocumentAsync(SignOnWorld.SettingsUrl(w.NetworkId));

        var byAcr = w.App.Browser();
        var acr = await w.SignOnAsync(byAcr, new OidcUser("kc-gestion", TestApp.ManagerEmail, Acr: "eidas2"));
        Assert.Equal("/mon-espace", acr.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Network_As_provider_does_not_sign_in_network_Bs_manager_nor_staff_when_not_allowed_for_staff()
    {
        await using var w = await SignOnWorld.StartAsync();
        var (other, _, otherManager) = await w.App.CreateOtherNetworkAsync();

        var browser = w.App.Browser();
        var response = await w.SignOnAsync(browser, new OidcUser("kc-causse", otherManager.Email!, Amr: ["mfa"]));
        AssertRefused(response, SignOnRefusal.NotHere);
        Assert.False(await SignOnWorld.SignedInAsync(browser));
        Assert.Empty(await LoginsAsync(w.App, otherManager.Id));

        // B's own provider signs B's manager in; A's manager is not signed in by it.
        await w.ConfigureAsync(other.Id, allowStaff: true, name: "Keycloak du Causse");
        var own = w.App.Browser();
        Assert.Equal("/mon-espace", (await w.SignOnAsync(own, new OidcUser("kc-causse", otherManager.Email!), other.Id)).Headers.Location?.OriginalString);
        await own.GetDocumentAsync(SignOnWorld.SettingsUrl(other.Id));
        await SignOnWorld.AssertDeniedAsync(own, SignOnWorld.SettingsUrl(w.NetworkId));
        AssertRefused(await w.SignOnAsync(w.App.Browser(), new OidcUser("kc-gestion", TestApp.ManagerEmail), other.Id), SignOnRefusal.NotHere);

        // A provider not allowed for staff signs in no host or manager, even of its network.
        await w.ConfigureAsync(w.NetworkId, allowStaff: false);
        AssertRefused(await w.SignOnAsync(w.App.Browser(), new OidcUser("kc-gestion", TestApp.ManagerEmail)), SignOnRefusal.NotHere);
        AssertRefused(await w.SignOnAsync(w.App.Browser(), new OidcUser("kc-accueil", TestApp.HostEmail)), SignOnRefusal.NotHere);
    }
}
