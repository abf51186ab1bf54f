using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Accounts;

namespace Cotravail.Tests.Accounts;

public sealed class PasswordResetTests
{
    private const string NewPassword = "un tout nouveau mot de passe";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_forgotten_password_is_replaced_through_the_link_of_the_e_mail(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.Browser();

        var asked = await client.SubmitFormAsync("/compte/mot-de-passe-oublie", new Dictionary<string, string> { ["Input.Email"] = TestApp.MemberEmail });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var answer = await client.GetDocumentAsync(asked.Headers.Location!.OriginalString);
        Assert.Contains("Si un compte existe pour cette adresse", answer.QuerySelector("main .notice").Text(), StringComparison.Ordinal);

        var mail = app.LastMailTo(TestApp.MemberEmail);
        Assert.Equal(IdentityMailer.ResetSubject, mail.Subject);
        var link = AccountSteps.LinkIn(mail, "/compte/reinitialiser");
        Assert.StartsWith("/compte/reinitialiser?email=membre@cotravail.test&code=", link, StringComparison.Ordinal);

        var form = await client.GetDocumentAsync(link);
        Assert.Equal(["Nouveau mot de passe", "Confirmer le mot de passe"], form.QuerySelectorAll("main form label").Select(l => l.Text()));
        var reset = await client.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var done = await reset.ParseAsync();
        Assert.Contains("Votre mot de passe a été réinitialisé", done.QuerySelector("main .notice").Text(), StringComparison.Ordinal);
        Assert.NotNull(done.QuerySelector("main a[href='/compte/connexion']"));

        Assert.Equal(HttpStatusCode.OK, (await app.Browser().LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().LogInAsync(TestApp.MemberEmail, NewPassword)).StatusCode);

        // The link served once: the new password changed the account's stamp.
        var again = await (await client.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Password"] = "encore un autre mot de passe",
            ["Input.ConfirmPassword"] = "encore un autre mot de passe",
        })).ParseAsync();
        Assert.Contains("Ce lien n'est pas valide ou a expiré", again.QuerySelector("main .alert").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_e_mail()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();

        var asked = await client.SubmitFormAsync("/compte/mot-de-passe-oublie", new Dictionary<string, string> { ["Input.Email"] = "personne@exemple.fr" });

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var answer = await client.GetDocumentAsync(asked.Headers.Location!.OriginalString);
        Assert.Equal(ForgotPasswordNotice, answer.QuerySelector("main .notice").Text());
        Assert.Empty(app.Mails());
    }

    [Fact]
    public async Task An_account_not_confirmed_yet_gets_the_confirmation_e_mail_instead()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.RegisterAsync("lea@exemple.fr");

        await client.SubmitFormAsync("/compte/mot-de-passe-oublie", new Dictionary<string, string> { ["Input.Email"] = "lea@exemple.fr" });

        var mails = app.MailsTo("lea@exemple.fr");
        Assert.Equal(2, mails.Count);
        Assert.Equal(IdentityMailer.ConfirmationSubject, mails[1].Subject);
    }

    [Fact]
    public async Task The_new_password_follows_the_same_rules_and_a_broken_link_answers_400()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.SubmitFormAsync("/compte/mot-de-passe-oublie", new Dictionary<string, string> { ["Input.Email"] = TestApp.MemberEmail });
        var link = AccountSteps.LinkIn(app.LastMailTo(TestApp.MemberEmail), "/compte/reinitialiser");

        var page = await (await client.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Password"] = "trop court",
            ["Input.ConfirmPassword"] = "trop court",
        })).ParseAsync();
        Assert.Equal("Le mot de passe doit contenir au moins 12 caractères.", page.ErrorFor("Input.Password"));

        await client.GetDocumentAsync("/compte/reinitialiser", HttpStatusCode.BadRequest);
        await client.GetDocumentAsync("/compte/reinitialiser?email=membre%40cotravail.test&code=%25%25", HttpStatusCode.BadRequest);
        var forged = await client.SubmitFormAsync("/compte/reinitialiser?email=membre%40cotravail.test&code=bm90LWEtdG9rZW4", new Dictionary<string, string>
        {
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("Ce lien n'est pas valide ou a expiré", (await forged.ParseAsync()).QuerySelector("main .alert").Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task Resetting_the_password_lifts_a_lockout()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.LogInAsync(TestApp.MemberEmail, "pas le bon mot de passe");
        }
        await client.SubmitFormAsync("/compte/mot-de-passe-oublie", new Dictionary<string, string> { ["Input.Email"] = TestApp.MemberEmail });
        var link = AccountSteps.LinkIn(app.LastMailTo(TestApp.MemberEmail), "/compte/reinitialiser");
        await client.SubmitFormAsync(link, new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });

        Assert.Equal(HttpStatusCode.Redirect, (await client.LogInAsync(TestApp.MemberEmail, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task With_a_public_address_set_a_forged_host_cannot_redirect_the_reset_link()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["PublicUrl"] = "https://cotravail.exemple.fr" });
        var client = app.Browser();
        client.DefaultRequestHeaders.Host = "piege.exemple.com";

        await client.SubmitFormAsync("/compte/mot-de-passe-oublie", new Dictionary<string, string> { ["Input.Email"] = TestApp.MemberEmail });

        var text = app.LastMailTo(TestApp.MemberEmail).TextBody ?? "";
        Assert.True(text.Contains("\nhttps://cotravail.exemple.fr/compte/reinitialiser?email=", StringComparison.Ordinal), text);
    }

    private const string ForgotPasswordNotice = Cotravail.Web.Features.Accounts.Passwords.ForgotPasswordModel.SentNotice;
}
