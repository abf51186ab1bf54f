using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Accounts;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Security;

/// <summary>With <c>Security:RequireTwoFactorForManagers</c> on (the default outside tests).</summary>
public sealed class ManagerTwoFactorTests
{
    private static Task<TestApp> StartAsync() =>
        TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Security:RequireTwoFactorForManagers"] = "true" });

    [Fact]
    public async Task A_manager_without_two_factor_authentication_is_sent_to_set_it_up_and_reaches_no_manager_page_until_then()
    {
        await using var app = await StartAsync();
        var manager = app.Browser();

        var signedIn = await manager.LogInAsync(TestApp.ManagerEmail, TestApp.DemoPassword);
        Assert.Equal(TwoFactorSteps.EnablePage, signedIn.Headers.Location?.OriginalString);
        var setup = await manager.GetDocumentAsync(TwoFactorSteps.EnablePage);
        Assert.Contains("vous devez activer la double authentification", setup.QuerySelector("#obligatoire").Text(), StringComparison.Ordinal);

        foreach (var page in new[] { "/gestion/espaces", "/gestion/factures", "/gestion/journal", "/accueil", "/mes-reservations" })
        {
            var blocked = await manager.GetAsync(new Uri(page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
            Assert.Equal(TwoFactorSteps.EnablePage, blocked.Headers.Location?.OriginalString);
        }

        await manager.EnableTwoFactorAsync(app);
        await manager.GetDocumentAsync("/gestion/espaces");
        await manager.GetDocumentAsync("/gestion/journal");
    }

    [Fact]
    public async Task A_manager_cannot_turn_two_factor_authentication_off()
    {
        await using var app = await StartAsync();
        var manager = app.Browser();
        await manager.LogInAsync(TestApp.ManagerEmail, TestApp.DemoPassword);
        await manager.EnableTwoFactorAsync(app);

        var page = await manager.GetDocumentAsync("/compte/double-authentification");
        Assert.Null(page.QuerySelector("form[action$='handler=Disable']"));
        var forced = await manager.SubmitFormAsync("/compte/double-authentification", new Dictionary<string, string>(), "form[action$='handler=Codes']", "/compte/double-authentification?handler=Disable");
        Assert.Equal("Les gestionnaires doivent garder la double authentification activée.", (await forced.ParseAsync()).QuerySelector("main .alert").Text());
        Assert.True((await app.FindUserAsync(TestApp.ManagerEmail))!.TwoFactorEnabled);
    }

    [Fact]
    public async Task Through_the_API_a_manager_without_it_is_refused_with_an_explanation_and_with_it_needs_the_code()
    {
        await using var app = await StartAsync();
        var api = await app.ApiClientAsync(TestApp.ManagerEmail);

        var refused = await api.GetAsync(new Uri("/api/v1/invoices", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Equal("Double authentification requise.", problem.GetProperty("title").GetString());
        Assert.Contains("obligatoire pour les gestionnaires", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Members and hosts are not concerned.
        var host = await app.ApiClientAsync(TestApp.HostEmail);
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync(new Uri("/api/v1/invoices", UriKind.Relative))).StatusCode);

        var browser = app.Browser();
        await browser.LogInAsync(TestApp.ManagerEmail, TestApp.DemoPassword);
        var (key, _) = await browser.EnableTwoFactorAsync(app);

        var anonymous = app.CreateClient();
        var noCode = await anonymous.PostJsonAsync("/api/v1/auth/login", new { email = TestApp.ManagerEmail, password = TestApp.DemoPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, noCode.StatusCode);
        var login = await anonymous.PostJsonAsync("/api/v1/auth/login", new { email = TestApp.ManagerEmail, password = TestApp.DemoPassword, twoFactorCode = app.CodeNow(key) });
        var token = (await login.JsonAsync()).GetProperty("accessToken").GetString();
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/api/v1/invoices", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_manager_without_it_is_answered_as_anyone_by_public_endpoints_and_pages()
    {
        await using var app = await StartAsync();
        var api = await app.ApiClientAsync(TestApp.ManagerEmail);
        var browser = app.Browser();
        await browser.LogInAsync(TestApp.ManagerEmail, TestApp.DemoPassword);

        // The indicators API checks sign-in itself: the public subset, with a bearer token or a cookie.
        foreach (var client in new[] { api, browser })
        {
            var indicators = await client.GetFromJsonAsync<JsonElement>("/api/v1/observatory/indicators");
            Assert.Equal(JsonValueKind.Null, indicators.GetProperty("revenue").ValueKind);
            Assert.Equal(JsonValueKind.Null, indicators.GetProperty("newMembers").ValueKind);
        }
        // No managers' menu on public pages; the managers' observatory sends to the setup page.
        var home = await browser.GetDocumentAsync("/");
        Assert.Null(home.QuerySelector("header a[href='/gestion/journal']"));
        var observatory = await browser.GetAsync(new Uri("/gestion/observatoire", UriKind.Relative));
        Assert.Equal(TwoFactorSteps.EnablePage, observatory.Headers.Location?.OriginalString);

        await browser.EnableTwoFactorAsync(app);
        var full = await browser.GetFromJsonAsync<JsonElement>("/api/v1/observatory/indicators");
        Assert.Equal(JsonValueKind.Array, full.GetProperty("revenue").ValueKind);
        Assert.NotNull((await browser.GetDocumentAsync("/")).QuerySelector("header a[href='/gestion/journal']"));
        await browser.GetDocumentAsync("/gestion/observatoire");
    }

    [Fact]
    public async Task Through_the_API_a_manager_can_neither_turn_it_off_nor_reset_the_key()
    {
        await using var app = await StartAsync();
        var browser = app.Browser();
        await browser.LogInAsync(TestApp.ManagerEmail, TestApp.DemoPassword);
        var (key, _) = await browser.EnableTwoFactorAsync(app);
        var api = app.Browser();
        var login = await api.PostJsonAsync("/api/v1/auth/login?useCookies=true", new { email = TestApp.ManagerEmail, password = TestApp.DemoPassword, twoFactorCode = app.CodeNow(key) });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);

        foreach (var body in new object[] { new { enable = false }, new { resetSharedKey = true }, new { enable = false, resetSharedKey = true, resetRecoveryCodes = true } })
        {
            var refused = await api.PostJsonAsync("/api/v1/auth/manage/2fa", body);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var problem = await refused.JsonAsync();
            Assert.Equal("Les gestionnaires doivent garder la double authentification activée.", problem.GetProperty("title").GetString());
        }
        Assert.True((await app.FindUserAsync(TestApp.ManagerEmail))!.TwoFactorEnabled);
        Assert.Equal(key.Replace(" ", "", StringComparison.Ordinal), (await AuthenticatorKeyAsync(app, TestApp.ManagerEmail))!.ToLowerInvariant());

        // New recovery codes stay possible; and a member may still turn it off.
        var codes = await api.PostJsonAsync("/api/v1/auth/manage/2fa", new { resetRecoveryCodes = true });
        Assert.Equal(HttpStatusCode.OK, codes.StatusCode);
        Assert.Equal(10, (await codes.JsonAsync()).GetProperty("recoveryCodes").GetArrayLength());
        var member = app.Browser();
        await member.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);
        var (memberKey, _) = await member.EnableTwoFactorAsync(app);
        var memberApi = app.Browser();
        await memberApi.PostJsonAsync("/api/v1/auth/login?useCookies=true", new { email = TestApp.MemberEmail, password = TestApp.DemoPassword, twoFactorCode = app.CodeNow(memberKey) });
        Assert.Equal(HttpStatusCode.OK, (await memberApi.PostJsonAsync("/api/v1/auth/manage/2fa", new { enable = false })).StatusCode);
        Assert.False((await app.FindUserAsync(TestApp.MemberEmail))!.TwoFactorEnabled);
    }

    private static async Task<string?> AuthenticatorKeyAsync(TestApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!);
    }
}
