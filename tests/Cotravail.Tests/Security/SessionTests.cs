using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Accounts;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cotravail.Tests.Security;

/// <summary>Sessions are checked against the account's security stamp every minute (<c>Security:SessionCheckMinutes</c>).</summary>
public sealed class SessionTests
{
    [Fact]
    public async Task Signing_out_ends_the_other_sessions_and_a_copy_of_the_cookie_within_a_minute()
    {
        await using var app = await TestApp.StartAsync();
        var laptop = app.Browser();
        var phone = app.Browser();
        var signedIn = await laptop.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);
        await phone.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);
        // Someone who copied the laptop's cookie.
        var copy = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", signedIn.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("cotravail.auth=", StringComparison.Ordinal)).Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync(new Uri("/compte/mot-de-passe", UriKind.Relative))).StatusCode);

        await laptop.SubmitFormAsync("/compte/deconnexion", new Dictionary<string, string>());
        app.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync(new Uri("/compte/mot-de-passe", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await copy.GetAsync(new Uri("/compte/mot-de-passe", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync(new Uri("/compte/mot-de-passe", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_within_a_minute()
    {
        await using var app = await TestApp.StartAsync();
        var laptop = app.Browser();
        var phone = app.Browser();
        await laptop.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);
        await phone.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);

        await laptop.SubmitFormAsync("/compte/mot-de-passe", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TestApp.DemoPassword,
            ["Input.NewPassword"] = "un tout nouveau mot de passe",
            ["Input.ConfirmPassword"] = "un tout nouveau mot de passe",
        });
        app.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync(new Uri("/compte/mot-de-passe", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync(new Uri("/compte/mot-de-passe", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("reset")]
    [InlineData("sign-out")]
    [InlineData("two-factor")]
    public async Task A_bearer_token_stops_working_within_a_minute_of_a_change_to_the_account(string change)
    {
        await using var app = await TestApp.StartAsync();
        var api = await app.ApiClientAsync(TestApp.MemberEmail);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/v1/me/invoices", UriKind.Relative))).StatusCode);
        var browser = app.Browser();
        await browser.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);

        await ChangeAsync(app, browser, change);
        app.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri("/api/v1/me/invoices", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostJsonAsync("/api/v1/bookings", new { resourceId = 1, date = "2026-12-03", period = "day" })).StatusCode);
    }

    [Fact]
    public async Task An_old_bearer_token_read_by_a_public_endpoint_no_longer_counts_as_signed_in()
    {
        await using var app = await TestApp.StartAsync();
        var api = await app.ApiClientAsync(TestApp.ManagerEmail);
        var before = await api.GetFromJsonAsync<JsonElement>("/api/v1/observatory/indicators");
        Assert.Equal(JsonValueKind.Array, before.GetProperty("revenue").ValueKind);
        var browser = app.Browser();
        await browser.LogInAsync(TestApp.ManagerEmail, TestApp.DemoPassword);

        await ChangeAsync(app, browser, "password");
        app.Clock.Advance(TimeSpan.FromSeconds(61));

        var after = await api.GetFromJsonAsync<JsonElement>("/api/v1/observatory/indicators");
        Assert.Equal(JsonValueKind.Null, after.GetProperty("revenue").ValueKind);
    }

    [Fact]
    public async Task A_refresh_token_issued_before_a_password_change_is_refused()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.CreateClient();
        var login = await (await client.PostJsonAsync("/api/v1/auth/login", new { email = TestApp.MemberEmail, password = TestApp.DemoPassword })).JsonAsync();
        var refreshToken = login.GetProperty("refreshToken").GetString();
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken })).StatusCode);
        var browser = app.Browser();
        await browser.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);

        await ChangeAsync(app, browser, "password");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken })).StatusCode);
    }

    /// <summary>Changes the member's account as a person would, signed in with <paramref name="browser"/>.</summary>
    private static async Task ChangeAsync(TestApp app, HttpClient browser, string change)
    {
        const string email = TestApp.MemberEmail;
        switch (change)
        {
            case "password":
                var changed = await browser.SubmitFormAsync("/compte/mot-de-passe", new Dictionary<string, string>
                {
                    ["Input.CurrentPassword"] = TestApp.DemoPassword,
                    ["Input.NewPassword"] = "un tout nouveau mot de passe",
                    ["Input.ConfirmPassword"] = "un tout nouveau mot de passe",
                });
                Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
                break;
            case "reset":
                await browser.SubmitFormAsync("/compte/mot-de-passe-oublie", new Dictionary<string, string> { ["Input.Email"] = email });
                var link = AccountSteps.LinkIn(app.LastMailTo(email), "/compte/reinitialiser");
                var reset = await app.Browser().SubmitFormAsync(link, new Dictionary<string, string>
                {
                    ["Input.Password"] = "un tout nouveau mot de passe",
                    ["Input.ConfirmPassword"] = "un tout nouveau mot de passe",
                });
                Assert.Contains("a été réinitialisé", (await reset.ParseAsync()).QuerySelector("main .notice").Text(), StringComparison.Ordinal);
                break;
            case "sign-out":
                await browser.SubmitFormAsync("/compte/deconnexion", new Dictionary<string, string>());
                break;
            case "two-factor":
                await browser.EnableTwoFactorAsync(app);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change));
        }
    }
}

public sealed class AccountStatesTests
{
    [Fact]
    public async Task An_account_is_looked_up_once_per_interval_however_many_requests_ask()
    {
        var clock = new FakeTimeProvider(TestApp.DefaultNow);
        var states = new AccountStates(clock, Options.Create(new SecurityStampValidatorOptions { ValidationInterval = TimeSpan.FromMinutes(1) }));
        var loads = 0;
        Task<AccountState?> Load()
        {
            Interlocked.Increment(ref loads);
            return Task.FromResult<AccountState?>(new AccountState("tampon", TwoFactorEnabled: false));
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => states.LookUpAsync("compte", "tampon", Load))));
        Assert.Equal(1, loads);
        Assert.All(answers, a => Assert.Equal("tampon", a!.SecurityStamp));

        clock.Advance(TimeSpan.FromSeconds(59));
        await states.LookUpAsync("compte", "tampon", Load);
        Assert.Equal(1, loads);
        clock.Advance(TimeSpan.FromSeconds(2));
        await states.LookUpAsync("compte", "tampon", Load);
        Assert.Equal(2, loads);
        await states.LookUpAsync("compte", "un autre tampon", Load);
        await states.LookUpAsync("un autre compte", "tampon", Load);
        Assert.Equal(4, loads);
    }
}
