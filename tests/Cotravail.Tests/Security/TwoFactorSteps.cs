using System.Net;
using Cotravail.Tests.Accounts;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Security;

internal static class TwoFactorSteps
{
    public const string EnablePage = "/compte/double-authentification/activer";
    public const string SecondStep = "/compte/connexion/deux-etapes";

    /// <summary>Turns two-factor authentication on for the signed-in <paramref name="client"/>: the shared key and the recovery codes.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableTwoFactorAsync(this HttpClient client)
    {
        var page = await client.GetDocumentAsync(EnablePage);
        var key = page.QuerySelector("#cle").Text();
        var done = await client.SubmitFormAsync(EnablePage, new Dictionary<string, string> { ["Code"] = TotpCodes.For(key) });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var codes = (await done.ParseAsync()).QuerySelectorAll("#codes-de-secours li").Select(li => li.Text()).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    /// <summary>Password, then the code: where the second step sends the browser.</summary>
    public static async Task<HttpResponseMessage> LogInWithCodeAsync(this HttpClient client, string email, string code, string password = TestApp.DemoPassword)
    {
        var first = await client.LogInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith(SecondStep, first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return await client.SubmitFormAsync(first.Headers.Location.OriginalString, new Dictionary<string, string> { ["Code"] = code });
    }
}
