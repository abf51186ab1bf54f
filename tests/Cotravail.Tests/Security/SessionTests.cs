using System.Net;
using Cotravail.Tests.Accounts;
using Cotravail.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

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
}
