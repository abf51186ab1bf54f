using System.Net;
using Cotravail.Tests.Accounts;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Security;

internal static class TwoFactorSteps
{
    public const string EnablePage = "/compte/double-authentification/activer";
    public const string SecondStep = "/compte/connexion/deux-etapes";

    /// <summary>
    /// Turns two-factor authentication on for the signed-in <paramref name="client"/>: the shared key and the recovery
    /// codes. The code typed is then used up: the clock moves on to the app's next code (30 seconds).
    /// </summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableTwoFactorAsync(this HttpClient client, TestApp app)
    {
        var page = await client.GetDocumentAsync(EnablePage);
        var key = page.QuerySelector("#cle").Text();
        var done = await client.SubmitFormAsync(EnablePage, new Dictionary<string, string> { ["Code"] = app.CodeNow(key) });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var codes = (await done.ParseAsync()).QuerySelectorAll("#codes-de-secours li").Select(li => li.Text()).ToList();
        Assert.Equal(10, codes.Count);
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        return (key, codes);
    }

    /// <summary>The code the authenticator app shows now, by the app's clock.</summary>
    public static string CodeNow(this TestApp app, string key) => TotpCodes.For(key, app.Clock.GetUtcNow());

    /// <summary>A code the app does not show now.</summary>
    public static string WrongCode(this TestApp app, string key) => TotpCodes.Wrong(key, app.Clock.GetUtcNow());

    /// <summary>Password, then the code: where the second step sends the browser.</summary>
    public static async Task<HttpResponseMessage> LogInWithCodeAsync(this HttpClient client, string email, string code, string password = TestApp.DemoPassword)
    {
        var first = await client.LogInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith(SecondStep, first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return await client.SubmitFormAsync(first.Headers.Location.OriginalString, new Dictionary<string, string> { ["Code"] = code });
    }
}
