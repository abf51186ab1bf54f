using System.Net;
using Cotravail.Tests.Accounts;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.MySpace;

/// <summary>Signing in leads to « Mon espace », unless the person came from a page of this site (ADR 0045).</summary>
public sealed class SignInLeadsHomeTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Fact]
    public async Task Signing_in_leads_to_my_space_without_a_local_return_address()
    {
        var app = await apps.GetAsync();

        var plain = app.Browser();
        var response = await plain.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);
        Assert.Equal("/mon-espace", response.Headers.Location?.OriginalString);
        var page = await plain.GetDocumentAsync("/mon-espace");
        Assert.StartsWith("Mon espace", page.QuerySelector("main h1").Text(), StringComparison.Ordinal);

        var back = await app.Browser().LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword, "/compte/connexion?ReturnUrl=%2Fmes-factures");
        Assert.Equal("/mes-factures", back.Headers.Location?.OriginalString);

        var away = await app.Browser().LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword, "/compte/connexion?ReturnUrl=https%3A%2F%2Fexemple.com%2F");
        Assert.Equal("/mon-espace", away.Headers.Location?.OriginalString);

        // From the page that asked to sign in, back to it.
        var asked = await app.Browser().GetAsync(new Uri("/mon-espace", UriKind.Relative));
        var client = app.Browser();
        var returned = await client.LogInAsync(TestApp.HostEmail, TestApp.DemoPassword, asked.Headers.Location!.PathAndQuery());
        Assert.Equal("/mon-espace", returned.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_manager_without_two_factor_authentication_still_sets_it_up_first()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Security:RequireTwoFactorForManagers"] = "true" });
        var client = app.Browser();

        var response = await client.LogInAsync(TestApp.ManagerEmail, TestApp.DemoPassword);

        Assert.Equal("/compte/double-authentification/activer", response.Headers.Location?.OriginalString);
        var home = await client.GetAsync(new Uri("/mon-espace", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/compte/double-authentification/activer", home.Headers.Location?.OriginalString);
    }
}
