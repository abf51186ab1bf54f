using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Accounts;

namespace Cotravail.Tests.Accounts;

public sealed class SignInTests
{
    [Fact]
    public async Task Signing_in_goes_back_to_the_page_asked_for_but_never_to_another_site()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();

        var challenge = await client.GetAsync(new Uri("/compte/mot-de-passe", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var loginPage = challenge.Headers.Location!.PathAndQuery();
        Assert.Equal("/compte/connexion?ReturnUrl=%2Fcompte%2Fmot-de-passe", loginPage);

        var back = await client.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword, loginPage);
        Assert.Equal("/compte/mot-de-passe", back.Headers.Location?.OriginalString);

        var elsewhere = await app.Browser().LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword, "/compte/connexion?returnUrl=https%3A%2F%2Fexemple.com%2F");
        Assert.Equal("/mon-espace", elsewhere.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_wrong_password_an_unknown_address_or_an_unconfirmed_account_gets_the_same_French_message()
    {
        await using var app = await TestApp.StartAsync();
        await app.Browser().RegisterAsync("lea@exemple.fr");
        var answers = new List<string>();
        foreach (var (email, password) in new[]
        {
            (TestApp.MemberEmail, "pas le bon mot de passe"),
            ("personne@exemple.fr", TestApp.DemoPassword),
            ("lea@exemple.fr", "pas le bon mot de passe"),
            ("lea@exemple.fr", AccountSteps.Password),
        })
        {
            var response = await app.Browser().LogInAsync(email, password);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ParseAsync();
            Assert.Equal("Adresse e-mail ou mot de passe incorrect.", page.QuerySelector("main .alert").Text());
            Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var c) ? c : [], v => v.StartsWith("cotravail.auth=", StringComparison.Ordinal));
            answers.Add(page.QuerySelector("main").Text().Replace(email, "", StringComparison.Ordinal));
        }
        Assert.Single(answers.Distinct());
    }

    [Fact]
    public async Task The_right_password_of_an_unconfirmed_account_sends_a_new_confirmation_e_mail()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.RegisterAsync("lea@exemple.fr");

        var wrong = await (await client.LogInAsync("lea@exemple.fr", "pas le bon mot de passe")).ParseAsync();
        Assert.Contains("Il faut d'abord confirmer votre adresse", wrong.QuerySelector("#compte-a-confirmer").Text(), StringComparison.Ordinal);
        Assert.Single(app.MailsTo("lea@exemple.fr"));

        var right = await (await client.LogInAsync("lea@exemple.fr", AccountSteps.Password)).ParseAsync();
        Assert.Equal("Adresse e-mail ou mot de passe incorrect.", right.QuerySelector("main .alert").Text());
        Assert.Equal("/compte/confirmer/renvoyer?email=lea@exemple.fr", right.QuerySelector("#compte-a-confirmer a")!.GetAttribute("href"));
        var mails = app.MailsTo("lea@exemple.fr");
        Assert.Equal(2, mails.Count);
        Assert.Equal(IdentityMailer.ConfirmationSubject, mails[^1].Subject);

        await client.GetDocumentAsync(AccountSteps.LinkIn(mails[^1], "/compte/confirmer"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.LogInAsync("lea@exemple.fr", AccountSteps.Password)).StatusCode);
    }

    [Fact]
    public async Task The_right_password_of_an_unconfirmed_account_sends_at_most_three_confirmation_e_mails_an_hour()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["RateLimits:account-mail:AccountPermitLimit"] = "3" });
        await app.Browser().RegisterAsync("lea@exemple.fr");

        for (var i = 0; i < 5; i++)
        {
            await app.Browser().LogInAsync("lea@exemple.fr", AccountSteps.Password);
        }

        Assert.Equal(1 + 3, app.MailsTo("lea@exemple.fr").Count);
    }

    [Fact]
    public async Task Asking_a_new_confirmation_e_mail_for_a_confirmed_or_unknown_address_sends_nothing_and_says_the_same()
    {
        await using var app = await TestApp.StartAsync();
        foreach (var email in new[] { TestApp.MemberEmail, "personne@exemple.fr" })
        {
            var client = app.Browser();
            var sent = await client.SubmitFormAsync("/compte/confirmer/renvoyer", new Dictionary<string, string> { ["Input.Email"] = email });
            var after = await client.GetDocumentAsync(sent.Headers.Location!.OriginalString);
            Assert.Contains("un nouveau message vient de lui être envoyé", after.QuerySelector("main .notice").Text(), StringComparison.Ordinal);
        }
        Assert.Empty(app.Mails());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.Browser();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var page = await (await client.LogInAsync(TestApp.MemberEmail, "pas le bon mot de passe")).ParseAsync();
            Assert.Equal("Adresse e-mail ou mot de passe incorrect.", page.QuerySelector("main .alert").Text());
        }
        var fifth = await (await client.LogInAsync(TestApp.MemberEmail, "pas le bon mot de passe")).ParseAsync();
        Assert.Contains("Ce compte est verrouillé pendant 15 minutes", fifth.QuerySelector("main .alert").Text(), StringComparison.Ordinal);

        var sixth = await client.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Contains("Ce compte est verrouillé", (await sixth.ParseAsync()).QuerySelector("main .alert").Text(), StringComparison.Ordinal);
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(15), (await app.FindUserAsync(TestApp.MemberEmail))!.LockoutEnd);

        app.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, (await client.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword)).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var later = await client.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        Assert.Equal("/mon-espace", later.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Signing_out_with_the_header_button_ends_the_session()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await client.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword)).StatusCode);
        await client.GetDocumentAsync("/compte/mot-de-passe");

        var response = await client.SubmitFormAsync("/", new Dictionary<string, string>(), "header form[action='/compte/deconnexion']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/compte/mot-de-passe", UriKind.Relative))).StatusCode);
        var home = await client.GetDocumentAsync("/");
        Assert.NotNull(home.QuerySelector("header a[href='/compte/connexion']"));
    }

    [Fact]
    public async Task The_sign_out_page_has_a_button_and_refuses_a_post_without_the_antiforgery_token()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);

        var page = await client.GetDocumentAsync("/compte/deconnexion");
        Assert.Equal("Se déconnecter", page.QuerySelector("main form button").Text());

        var forged = await client.PostAsync(new Uri("/compte/deconnexion", UriKind.Relative), new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        await client.GetDocumentAsync("/compte/mot-de-passe");

        var response = await client.SubmitFormAsync("/compte/deconnexion", new Dictionary<string, string>());
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/compte/mot-de-passe", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_access_denied_page_answers_403_in_French()
    {
        await using var app = await TestApp.StartAsync();
        var page = await app.Browser().GetDocumentAsync("/compte/acces-refuse", HttpStatusCode.Forbidden);
        Assert.Equal("Accès refusé", page.QuerySelector("h1").Text());
    }
}

internal static class UriPaths
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
