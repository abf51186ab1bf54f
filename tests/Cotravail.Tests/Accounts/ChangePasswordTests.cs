using System.Net;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Accounts;

public sealed class ChangePasswordTests
{
    private const string NewPassword = "un tout nouveau mot de passe";

    private static Dictionary<string, string> Form(string current, string next, string? confirmation = null) => new()
    {
        ["Input.CurrentPassword"] = current,
        ["Input.NewPassword"] = next,
        ["Input.ConfirmPassword"] = confirmation ?? next,
    };

    [Fact]
    public async Task The_password_page_is_titled_for_what_it_does_and_leads_back_to_my_account()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);

        var page = await client.GetDocumentAsync("/compte/mot-de-passe");

        Assert.Equal("Changer de mot de passe", page.QuerySelector("h1").Text());
        Assert.Equal("Changer de mot de passe – Cotravail", page.Title);
        Assert.NotNull(page.QuerySelector("main a[href='/compte']"));
    }

    [Fact]
    public async Task Changing_the_password_keeps_this_session_and_ends_the_others()
    {
        await using var app = await TestApp.StartAsync();
        var laptop = app.Browser();
        var phone = app.Browser();
        await laptop.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);
        await phone.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);

        var changed = await laptop.SubmitFormAsync("/compte/mot-de-passe", Form(TestApp.DemoPassword, NewPassword));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var page = await laptop.GetDocumentAsync(changed.Headers.Location!.OriginalString);
        Assert.Equal("Votre mot de passe a été modifié.", page.QuerySelector("main .notice").Text());

        // Sessions are checked against the account's security stamp every 30 minutes.
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var phoneAgain = await phone.GetAsync(new Uri("/compte/mot-de-passe", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, phoneAgain.StatusCode);
        Assert.Equal("/compte/connexion?ReturnUrl=%2Fcompte%2Fmot-de-passe", phoneAgain.Headers.Location!.PathAndQuery());
        await laptop.GetDocumentAsync("/compte/mot-de-passe");

        Assert.Equal(HttpStatusCode.OK, (await app.Browser().LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().LogInAsync(TestApp.MemberEmail, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_current_password_or_a_short_new_one_is_explained_next_to_its_field()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);

        var wrong = await (await client.SubmitFormAsync("/compte/mot-de-passe", Form("pas le bon mot de passe", NewPassword))).ParseAsync();
        Assert.Equal("Ce n'est pas votre mot de passe actuel.", wrong.ErrorFor("Input.CurrentPassword"));

        var shortOne = await (await client.SubmitFormAsync("/compte/mot-de-passe", Form(TestApp.DemoPassword, "court"))).ParseAsync();
        Assert.Equal("Le mot de passe doit contenir au moins 12 caractères.", shortOne.ErrorFor("Input.NewPassword"));

        var mismatch = await (await client.SubmitFormAsync("/compte/mot-de-passe", Form(TestApp.DemoPassword, NewPassword, "autre chose encore"))).ParseAsync();
        Assert.Equal("Les deux mots de passe ne sont pas identiques.", mismatch.ErrorFor("Input.ConfirmPassword"));

        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword)).StatusCode);
    }
}
