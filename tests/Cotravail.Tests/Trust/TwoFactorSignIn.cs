using System.Net.Http.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Trust;

/// <summary>
/// Managers of the trust tests' worlds use two-factor authentication, as production requires: turned on directly,
/// and each sign-in made with a new recovery code (a code of the authenticator app is accepted once per 30 seconds,
/// and the worlds sign the same manager in again after a request that signed them out).
/// </summary>
public static class TwoFactorSignIn
{
    public static async Task TurnTwoFactorOnAsync(this TestApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}");
        await users.ResetAuthenticatorKeyAsync(user);
        var result = await users.SetTwoFactorEnabledAsync(user, true);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Signs in with a cookie through the API, with the password and a recovery code.</summary>
    public static async Task SignInWithTwoFactorAsync(this HttpClient client, TestApp app, string email)
    {
        string code;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}");
            code = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 1))!.Single();
        }
        var response = await client.PostAsJsonAsync(new Uri("/api/v1/auth/login?useCookies=true", UriKind.Relative),
            new { email, password = TestApp.DemoPassword, twoFactorRecoveryCode = code });
        Assert.True(response.IsSuccessStatusCode, $"sign-in of {email} with a recovery code: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
