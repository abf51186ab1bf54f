using System.Net;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Accounts;

public sealed class OddInputTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static readonly string Long = new('é', 5000);

    [Fact]
    public async Task Odd_input_on_the_account_forms_gets_a_French_answer_never_a_500()
    {
        var app = await apps.GetAsync();
        var client = app.Browser();
        var forms = new (string Page, Dictionary<string, string> Fields)[]
        {
            ("/compte/inscription", AccountSteps.RegistrationForm(Long, Long)),
            ("/compte/inscription", AccountSteps.RegistrationForm("pas-une-adresse", postcode: "4614O")),
            ("/compte/connexion", new() { ["Input.Email"] = Long, ["Input.Password"] = Long, ["Input.RememberMe"] = "peut-être" }),
            ("/compte/connexion?returnUrl=%2F%2Fexemple.com", new() { ["Input.Email"] = "a", ["Input.Password"] = "" }),
            ("/compte/mot-de-passe-oublie", new() { ["Input.Email"] = Long }),
            ("/compte/confirmer/renvoyer", new() { ["Input.Email"] = "@" }),
            ("/compte/reinitialiser?email=membre%40cotravail.test&code=abc", new() { ["Input.Password"] = Long, ["Input.ConfirmPassword"] = "" }),
        };
        foreach (var (page, fields) in forms)
        {
            var response = await client.SubmitFormAsync(page, fields);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{page}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var html = await response.ParseAsync();
                Assert.Contains(html.QuerySelectorAll("main .field-error, main .alert"), e => e.Text().Length > 0);
            }
        }
        // A NUL character in a form is refused by ASP.NET Core itself, with the French 400 page.
        var nul = await client.SubmitFormAsync("/compte/connexion", new Dictionary<string, string> { ["Input.Email"] = "a\0b", ["Input.Password"] = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.Equal("Demande incorrecte", (await nul.ParseAsync()).QuerySelector("h1").Text());

        foreach (var url in new[] { "/compte/confirmer?userId=" + Uri.EscapeDataString(Long) + "&code=" + Uri.EscapeDataString(Long), "/compte/reinitialiser?email=&code=" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_language_switch_without_its_form_token_answers_400_with_the_French_page_and_sets_nothing()
    {
        var app = await apps.GetAsync();
        var client = app.Browser();

        foreach (var body in new HttpContent[]
        {
            new FormUrlEncodedContent([new("culture", "en"), new("returnUrl", "/")]),
            new FormUrlEncodedContent([new("culture", "en"), new("__RequestVerificationToken", "faux")]),
            new StringContent("{\"culture\":\"en\"}", System.Text.Encoding.UTF8, "application/json"),
        })
        {
            var response = await client.PostAsync(new Uri("/langue", UriKind.Relative), body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("Demande incorrecte", (await response.ParseAsync()).QuerySelector("h1").Text());
            Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("cotravail.lang=", StringComparison.Ordinal)));
        }

        // With the header's form, as a person does: switched.
        var switched = await client.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = "en" }, "header form[action='/langue']");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Contains(switched.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cotravail.lang=", StringComparison.Ordinal));
    }
}
