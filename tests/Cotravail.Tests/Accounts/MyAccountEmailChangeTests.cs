using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Accounts.MyAccount;
using Microsoft.AspNetCore.WebUtilities;

namespace Cotravail.Tests.Accounts;

public sealed class MyAccountEmailChangeTests
{
    private const string ConfirmPath = "/compte/confirmer-adresse";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_new_address_confirms_the_change_the_old_one_is_warned_and_the_account_signs_in_with_the_new_one(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (user, browser) = await app.SignedInMemberAsync("ancienne@exemple.fr");
        var stamp = (await app.AccountAsync(user.Id)).SecurityStamp;

        var asked = await browser.SubmitFormAsync("/compte", MyAccountSteps.NewEmail("Nouvelle@Exemple.fr"), MyAccountSteps.EmailForm);

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.StartsWith("Un lien de confirmation vient d'être envoyé", (await browser.GetDocumentAsync("/compte")).QuerySelector("main .notice").Text(), StringComparison.Ordinal);
        var confirm = app.LastMailTo("nouvelle@exemple.fr");
        Assert.Equal(EmailChangeMails.ConfirmSubject, confirm.Subject);
        var warning = app.LastMailTo("ancienne@exemple.fr");
        Assert.Equal(EmailChangeMails.WarningSubject, warning.Subject);
        Assert.Contains("vers l'adresse Nouvelle@Exemple.fr", warning.TextBody, StringComparison.Ordinal);
        Assert.Contains("Si ce n'est pas vous", warning.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(ConfirmPath, warning.TextBody, StringComparison.Ordinal);
        // Nothing changes until the link is opened.
        Assert.Equal(("ancienne@exemple.fr", "ancienne@exemple.fr"), ((await app.AccountAsync(user.Id)).Email, (await app.AccountAsync(user.Id)).UserName));

        var landing = await browser.GetDocumentAsync(AccountSteps.LinkIn(confirm, ConfirmPath));

        Assert.Equal("Votre compte utilise désormais l'adresse Nouvelle@Exemple.fr.", landing.QuerySelector("#adresse-changee").Text());
        var account = await app.AccountAsync(user.Id);
        Assert.Equal(("Nouvelle@Exemple.fr", "Nouvelle@Exemple.fr", true), (account.Email, account.UserName, account.EmailConfirmed));
        Assert.NotEqual(stamp, account.SecurityStamp);
        Assert.Equal("Nouvelle@Exemple.fr", (await browser.GetDocumentAsync("/compte")).QuerySelector("#adresse-actuelle").Text());
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().LogInAsync("nouvelle@exemple.fr", TestApp.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().LogInAsync("ancienne@exemple.fr", TestApp.DemoPassword)).StatusCode);

        // The link works once: the account's stamp has changed since.
        var again = await browser.GetAsync(new Uri(AccountSteps.LinkIn(confirm, ConfirmPath), UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task An_address_of_another_account_a_wrong_password_or_a_bad_address_is_refused_and_nothing_is_sent()
    {
        await using var app = await TestApp.StartAsync();
        var (user, browser) = await app.SignedInMemberAsync("moi@exemple.fr");
        var before = app.Mails().Count;

        async Task<string> RefusedAsync(string field, Dictionary<string, string> form)
        {
            var answer = await browser.SubmitFormAsync("/compte", form, MyAccountSteps.EmailForm);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            return (await answer.ParseAsync()).ErrorFor(field);
        }

        Assert.Equal(EmailChange.AlreadyUsed, await RefusedAsync("Email.NewEmail", MyAccountSteps.NewEmail(TestApp.MemberEmail.ToUpperInvariant())));
        Assert.Equal(EmailChange.WrongPassword, await RefusedAsync("Email.Password", MyAccountSteps.NewEmail("libre@exemple.fr", "pas le bon mot de passe")));
        Assert.Equal("Cette adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).", await RefusedAsync("Email.NewEmail", MyAccountSteps.NewEmail("pas-une-adresse")));
        Assert.Equal(EmailChange.SameAddress, await RefusedAsync("Email.NewEmail", MyAccountSteps.NewEmail("MOI@exemple.fr")));
        Assert.Equal("Indiquez votre nouvelle adresse e-mail.", await RefusedAsync("Email.NewEmail", MyAccountSteps.NewEmail("")));

        Assert.Equal(before, app.Mails().Count);
        Assert.Equal("moi@exemple.fr", (await app.AccountAsync(user.Id)).Email);
    }

    [Fact]
    public async Task A_link_used_for_another_account_or_opened_after_24_hours_changes_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var (alice, aliceBrowser) = await app.SignedInMemberAsync("alice@exemple.fr");
        var bob = await app.CreateUserAsync("bob@exemple.fr");
        await aliceBrowser.SubmitFormAsync("/compte", MyAccountSteps.NewEmail("alice.neuve@exemple.fr"), MyAccountSteps.EmailForm);
        var link = AccountSteps.LinkIn(app.LastMailTo("alice.neuve@exemple.fr"), ConfirmPath);
        var query = QueryHelpers.ParseQuery(new Uri("http://x" + link).Query);

        var forBob = QueryHelpers.AddQueryString(ConfirmPath, new Dictionary<string, string?> { ["userId"] = bob.Id, ["email"] = query["email"], ["code"] = query["code"] });
        var refused = await app.Browser().GetAsync(new Uri(forBob, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(EmailChange.InvalidLink, (await refused.ParseAsync()).QuerySelector("main .alert").Text());
        var otherAddress = QueryHelpers.AddQueryString(ConfirmPath, new Dictionary<string, string?> { ["userId"] = alice.Id, ["email"] = "pirate@exemple.fr", ["code"] = query["code"] });
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Browser().GetAsync(new Uri(otherAddress, UriKind.Relative))).StatusCode);

        app.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Browser().GetAsync(new Uri(link, UriKind.Relative))).StatusCode);

        Assert.Equal(("bob@exemple.fr", "alice@exemple.fr"), ((await app.AccountAsync(bob.Id)).Email, (await app.AccountAsync(alice.Id)).Email));
    }

    [Fact]
    public async Task An_address_taken_by_another_account_before_the_link_is_opened_is_refused_then()
    {
        await using var app = await TestApp.StartAsync();
        var (alice, browser) = await app.SignedInMemberAsync("alice@exemple.fr");
        await browser.SubmitFormAsync("/compte", MyAccountSteps.NewEmail("convoitee@exemple.fr"), MyAccountSteps.EmailForm);
        var link = AccountSteps.LinkIn(app.LastMailTo("convoitee@exemple.fr"), ConfirmPath);
        await app.CreateUserAsync("convoitee@exemple.fr");

        var refused = await browser.GetAsync(new Uri(link, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(EmailChange.AlreadyUsed, (await refused.ParseAsync()).QuerySelector("main .alert").Text());
        Assert.Equal("alice@exemple.fr", (await app.AccountAsync(alice.Id)).Email);
    }
}
