using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Accounts;

namespace Cotravail.Tests.Accounts;

public sealed class RegistrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_visitor_registers_confirms_the_address_from_the_e_mail_and_signs_in(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.Browser();

        var registered = await client.RegisterAsync("lea@exemple.fr");

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/compte/inscription/verifiez-vos-mails", registered.Headers.Location?.OriginalString);
        var check = await client.GetDocumentAsync("/compte/inscription/verifiez-vos-mails");
        Assert.Contains("Ouvrez-le et suivez le lien", check.QuerySelector("main").Text(), StringComparison.Ordinal);

        var user = await app.FindUserAsync("lea@exemple.fr");
        Assert.NotNull(user);
        Assert.False(user.EmailConfirmed);
        Assert.Equal(("Léa", "Bouscarel", "46140"), (user.FirstName, user.LastName, user.Postcode));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, user.CreatedAtUtc);
        Assert.Equal([Roles.Member], await app.RolesOfAsync("lea@exemple.fr"));

        var mail = app.LastMailTo("lea@exemple.fr");
        Assert.Equal("Confirmez votre adresse e-mail – Cotravail", mail.Subject);
        // Before the address is confirmed, the name typed in the form is quoted, not used as the greeting.
        Assert.StartsWith("Bonjour,", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Un compte au nom de « Léa Bouscarel » a été demandé avec cette adresse e-mail.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"http://localhost/compte/confirmer?", mail.HtmlBody, StringComparison.Ordinal);
        var link = AccountSteps.LinkIn(mail, "/compte/confirmer");

        var confirmed = await client.GetDocumentAsync(link);
        Assert.Contains("Votre adresse e-mail est confirmée", confirmed.QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.NotNull(confirmed.QuerySelector("main a[href='/compte/connexion']"));
        Assert.True((await app.FindUserAsync("lea@exemple.fr"))!.EmailConfirmed);

        var login = await client.LogInAsync("lea@exemple.fr", AccountSteps.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/mon-espace", login.Headers.Location?.OriginalString);
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cotravail.auth=", StringComparison.Ordinal));
        var account = await client.GetDocumentAsync("/compte");
        Assert.Equal("Léa", account.QuerySelector("#Input_FirstName")!.GetAttribute("value"));
        Assert.Equal("Bouscarel", account.QuerySelector("#Input_LastName")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_form_labels_every_field_in_French_with_hints_and_autocomplete()
    {
        await using var app = await TestApp.StartAsync();
        var page = await app.Browser().GetDocumentAsync("/compte/inscription");

        var labels = page.QuerySelectorAll("main form label").Select(l => l.Text()).ToList();
        Assert.Equal(["Prénom", "Nom", "Adresse e-mail", "Code postal de résidence", "Commune de résidence", "Mot de passe", "Confirmer le mot de passe"], labels);
        foreach (var label in page.QuerySelectorAll("main form label"))
        {
            var input = page.GetElementById(label.GetAttribute("for")!);
            Assert.NotNull(input);
            Assert.False(string.IsNullOrEmpty(input.GetAttribute("autocomplete")));
        }
        var password = page.GetElementById("Input_Password")!;
        Assert.Equal("password", password.GetAttribute("type"));
        var hint = page.GetElementById(password.GetAttribute("aria-describedby")!.Split(' ')[0]);
        Assert.Contains("Au moins 12 caractères", hint.Text(), StringComparison.Ordinal);
        Assert.Equal("Créer mon compte", page.QuerySelector("main form button[type=submit]").Text());
        Assert.Null(page.QuerySelector(".alert"));
    }

    [Fact]
    public async Task A_too_short_password_or_a_different_confirmation_is_explained_next_to_the_field_and_creates_no_account()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        var before = await app.CountUsersAsync();

        var tooShort = await client.SubmitFormAsync("/compte/inscription", AccountSteps.RegistrationForm("court@exemple.fr", "court"));
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        var page = await tooShort.ParseAsync();
        Assert.Equal("Le mot de passe doit contenir au moins 12 caractères.", page.ErrorFor("Input.Password"));
        Assert.Equal("true", page.GetElementById("Input_Password")!.GetAttribute("aria-invalid"));
        Assert.Equal("court@exemple.fr", page.GetElementById("Input_Email")!.GetAttribute("value"));
        Assert.Equal("", page.GetElementById("Input_Password")!.GetAttribute("value") ?? "");

        var different = await client.SubmitFormAsync("/compte/inscription",
            AccountSteps.RegistrationForm("court@exemple.fr", AccountSteps.Password, "une autre phrase de passe"));
        page = await different.ParseAsync();
        Assert.Equal("Les deux mots de passe ne sont pas identiques.", page.ErrorFor("Input.ConfirmPassword"));

        var empty = await client.SubmitFormAsync("/compte/inscription", AccountSteps.RegistrationForm("", "", postcode: "")
            .ToDictionary(f => f.Key, f => f.Key == "Input.FirstName" ? " " : f.Value));
        page = await empty.ParseAsync();
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("Indiquez votre prénom.", page.ErrorFor("Input.FirstName"));
        Assert.Equal("Indiquez votre adresse e-mail.", page.ErrorFor("Input.Email"));
        Assert.Equal("", page.ErrorFor("Input.Postcode"));

        var badPostcode = await client.SubmitFormAsync("/compte/inscription",
            AccountSteps.RegistrationForm("court@exemple.fr", postcode: "4614"));
        page = await badPostcode.ParseAsync();
        Assert.Equal("Le code postal doit compter 5 chiffres, par exemple 46140.", page.ErrorFor("Input.Postcode"));

        Assert.Equal(before, await app.CountUsersAsync());
        Assert.Empty(app.Mails());
    }

    [Fact]
    public async Task Registering_with_an_address_that_has_an_account_shows_the_same_screen_and_creates_no_second_account()
    {
        await using var app = await TestApp.StartAsync();
        var before = await app.CountUsersAsync();

        var response = await app.Browser().RegisterAsync(TestApp.MemberEmail.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/compte/inscription/verifiez-vos-mails", response.Headers.Location?.OriginalString);
        Assert.Equal(before, await app.CountUsersAsync());
        var mail = Assert.Single(app.Mails());
        Assert.Equal("Vous avez déjà un compte – Cotravail", mail.Subject);
        Assert.Equal(TestApp.MemberEmail, mail.To.Mailboxes.Single().Address);
        Assert.Equal("/compte/mot-de-passe-oublie", AccountSteps.LinkIn(mail, "/compte/mot-de-passe-oublie"));
        // The account is as it was: its password still works.
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task An_address_with_an_apostrophe_can_register()
    {
        await using var app = await TestApp.StartAsync();
        await app.RegisterAndConfirmAsync("jean.o'neil@exemple.fr");
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().LogInAsync("jean.o'neil@exemple.fr", AccountSteps.Password)).StatusCode);
    }

    [Fact]
    public async Task Registering_again_before_confirming_sends_a_new_confirmation_link()
    {
        await using var app = await TestApp.StartAsync();
        await app.Browser().RegisterAsync("lea@exemple.fr");
        await app.Browser().RegisterAsync("lea@exemple.fr", "une autre phrase de passe");

        var mails = app.MailsTo("lea@exemple.fr");
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal(IdentityMailer.ConfirmationSubject, m.Subject));
        await app.Browser().GetDocumentAsync(AccountSteps.LinkIn(mails[1], "/compte/confirmer"));
        // The first registration's password stands.
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().LogInAsync("lea@exemple.fr", AccountSteps.Password)).StatusCode);
    }

    [Fact]
    public async Task A_broken_or_forged_confirmation_link_answers_a_French_page_with_status_400()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.RegisterAsync("lea@exemple.fr");
        var link = AccountSteps.LinkIn(app.LastMailTo("lea@exemple.fr"), "/compte/confirmer");
        var userId = (await app.FindUserAsync("lea@exemple.fr"))!.Id;

        foreach (var url in new[]
        {
            "/compte/confirmer",
            $"/compte/confirmer?userId={userId}",
            $"/compte/confirmer?userId={userId}&code=%%%",
            $"/compte/confirmer?userId={userId}&code=bm90LWEtdG9rZW4",
            "/compte/confirmer?userId=inconnu&code=bm90LWEtdG9rZW4",
            link.Replace(userId, Guid.NewGuid().ToString(), StringComparison.Ordinal),
        })
        {
            var page = await client.GetDocumentAsync(url, HttpStatusCode.BadRequest);
            Assert.Contains("n'est pas valide ou a expiré", page.QuerySelector("main").Text(), StringComparison.Ordinal);
        }
        Assert.False((await app.FindUserAsync("lea@exemple.fr"))!.EmailConfirmed);
    }
}
