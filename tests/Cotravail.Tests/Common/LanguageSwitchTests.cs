using System.Net;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Common;

public sealed class LanguageSwitchTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Fact]
    public async Task The_site_is_French_first_and_the_switch_turns_it_English_until_switched_back()
    {
        var app = await apps.GetAsync();
        var client = app.Browser();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9"); // the browser's language is not enough

        var french = await client.GetDocumentAsync("/espaces/luzech");
        Assert.Equal("fr", french.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Horaires d'ouverture", french.Body.Text(), StringComparison.Ordinal);

        var switched = await client.SubmitFormAsync("/espaces/luzech", new Dictionary<string, string> { ["culture"] = "en" }, "form.lang-switch");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/espaces/luzech", switched.Headers.Location!.OriginalString);

        var english = await client.GetDocumentAsync("/espaces/luzech");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        var text = english.Body.Text();
        Assert.Contains("Opening hours", text, StringComparison.Ordinal);
        Assert.Contains("Sign in", text, StringComparison.Ordinal);
        Assert.Contains("€15.00", text, StringComparison.Ordinal);
        Assert.Contains("monday", text, StringComparison.OrdinalIgnoreCase);

        await client.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = "fr" }, "form.lang-switch");
        Assert.Equal("fr", (await client.GetDocumentAsync("/")).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task A_language_switch_never_redirects_to_another_site()
    {
        var app = await apps.GetAsync();
        var client = app.Browser();
        var response = await client.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "//evil.example/x" }, "form.lang-switch");
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
