using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Accounts.MyAccount;

namespace Cotravail.Tests.Accounts;

public sealed class MyAccountTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Fact]
    public async Task My_account_shows_the_address_the_details_and_the_links_to_password_two_factor_and_my_data()
    {
        var app = await apps.GetAsync();
        var browser = app.Browser();
        await browser.SignInAsync(TestApp.MemberEmail);

        var page = await browser.GetDocumentAsync("/compte");

        Assert.Equal("Mon compte", page.QuerySelector("h1").Text());
        Assert.Equal("membre@cotravail.test", page.QuerySelector("#adresse-actuelle").Text());
        Assert.Equal("Sophie", page.QuerySelector("#Input_FirstName")!.GetAttribute("value"));
        var links = page.QuerySelectorAll("main nav a").Select(a => (a.Text(), a.GetAttribute("href"))).ToList();
        Assert.Equal([("Changer de mot de passe", "/compte/mot-de-passe"), ("Gérer la double authentification", "/compte/double-authentification"),
            ("Mes données : les télécharger, supprimer mon compte", "/mes-donnees")], links);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().GetAsync(new Uri("/compte", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Details_are_saved_normalised_and_the_language_is_applied()
    {
        var app = await apps.GetAsync();
        var (user, browser) = await app.SignedInMemberAsync("details@exemple.fr");

        var saved = await browser.SubmitFormAsync("/compte",
            MyAccountSteps.Details(first: " Camille ", phone: "06.12.34.56.78", postcode: "46000", language: "en", reminders: false, digest: true, news: true));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains(saved.Headers.GetValues("Set-Cookie"), c => c.Contains("c%3Den%7Cuic%3Den", StringComparison.Ordinal));
        var account = await app.AccountAsync(user.Id);
        Assert.Equal(("Camille", "Delpech", "+33612345678", "46000", "Cahors", "en"),
            (account.FirstName, account.LastName, account.PhoneNumber, account.Postcode, account.Commune, account.PreferredCulture));
        Assert.Equal((false, true, true), (account.WantsReminders, account.WantsDigest, account.WantsNews));

        var page = await browser.GetDocumentAsync("/compte");
        Assert.Equal("Your details have been saved.", page.QuerySelector("main .notice").Text());
        Assert.Equal("06 12 34 56 78", page.QuerySelector("#Input_Phone")!.GetAttribute("value"));
        Assert.Equal("Commune: Cahors", page.QuerySelector("#commune").Text());

        // An international number in E.164 is kept as it is.
        await browser.SubmitFormAsync("/compte", MyAccountSteps.Details(phone: "+32 470 12 34 56"));
        Assert.Equal("+32470123456", (await app.AccountAsync(user.Id)).PhoneNumber);
    }

    [Theory]
    [InlineData("Input.Phone", "12 34", "Ce numéro de téléphone n'est pas valide : indiquez par exemple 06 12 34 56 78 ou +33 6 12 34 56 78.")]
    [InlineData("Input.Phone", "06 12 34 56 7A", "Ce numéro de téléphone n'est pas valide : indiquez par exemple 06 12 34 56 78 ou +33 6 12 34 56 78.")]
    [InlineData("Input.Postcode", "99999", "Ce code postal n'est celui d'aucune commune française : vérifiez-le, ou laissez le champ vide.")]
    [InlineData("Input.Postcode", "4614", "Le code postal doit compter 5 chiffres, par exemple 46140.")]
    [InlineData("Input.FirstName", "  ", "Indiquez votre prénom.")]
    [InlineData("Input.LastName", "", "Indiquez votre nom.")]
    [InlineData("Input.Language", "de", "Choisissez la langue du site : français (fr) ou anglais (en).")]
    public async Task Each_wrong_detail_is_explained_next_to_its_field_and_nothing_changes(string field, string value, string message)
    {
        var app = await apps.GetAsync();
        var (user, browser) = await app.SignedInMemberAsync($"faux-{Guid.NewGuid():N}@exemple.fr");
        var form = MyAccountSteps.Details(first: "Autre", phone: "06 00 00 00 01", reminders: false, digest: true);
        form[field] = value;

        var answer = await browser.SubmitFormAsync("/compte", form);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(message, (await answer.ParseAsync()).ErrorFor(field));
        var account = await app.AccountAsync(user.Id);
        Assert.Equal(("Test", null, true, false), (account.FirstName, account.PhoneNumber, account.WantsReminders, account.WantsDigest));
    }

    [Fact]
    public async Task A_postcode_shared_by_several_communes_asks_which_one()
    {
        var app = await apps.GetAsync();
        var (user, browser) = await app.SignedInMemberAsync("commune@exemple.fr");

        var asked = await (await browser.SubmitFormAsync("/compte", MyAccountSteps.Details(postcode: "46090"))).ParseAsync();

        Assert.Equal("Choisissez votre commune : plusieurs communes ont ce code postal.", asked.ErrorFor("Input.Commune"));
        Assert.Contains("Mercuès", asked.QuerySelectorAll("select#Input_Commune option").Select(o => o.Text()));
        Assert.Null((await app.AccountAsync(user.Id)).Postcode);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitFormAsync("/compte", MyAccountSteps.Details(postcode: "46090", commune: "mercues"))).StatusCode);
        var account = await app.AccountAsync(user.Id);
        Assert.Equal(("46090", "Mercuès"), (account.Postcode, account.Commune));
        Assert.Equal("Mercuès", (await browser.GetDocumentAsync("/compte")).QuerySelector("select#Input_Commune option[selected]").Text());
    }

    [Fact]
    public async Task The_language_chosen_is_applied_at_the_next_sign_in()
    {
        var app = await apps.GetAsync();
        var (user, browser) = await app.SignedInMemberAsync("english@exemple.fr");
        await browser.SubmitFormAsync("/compte", MyAccountSteps.Details(language: "en"));

        var elsewhere = app.Browser();
        var signedIn = await elsewhere.LogInAsync("english@exemple.fr", TestApp.DemoPassword);

        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.Contains("c%3Den%7Cuic%3Den", StringComparison.Ordinal));
        Assert.Equal("en", (await elsewhere.GetDocumentAsync("/compte")).DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", (await app.AccountAsync(user.Id)).PreferredCulture);
    }

    [Fact]
    public void Phone_numbers_typed_the_French_way_are_kept_in_E164()
    {
        Assert.Equal("+33612345678", PhoneNumbers.Normalise("06 12 34 56 78"));
        Assert.Equal("+33612345678", PhoneNumbers.Normalise("+33 (0)6 12 34 56 78"));
        Assert.Equal("+33565123456", PhoneNumbers.Normalise("0033 5 65 12 34 56"));
        Assert.Equal("+33612345678", PhoneNumbers.Normalise("06-12-34-56-78"));
        Assert.Null(PhoneNumbers.Normalise("00 00 12 34 56"));
        Assert.Null(PhoneNumbers.Normalise("+33 6 12 34 56"));
        Assert.Null(PhoneNumbers.Normalise("bonjour"));
        Assert.Equal("05 65 12 34 56", PhoneNumbers.Display("+33565123456"));
    }
}
