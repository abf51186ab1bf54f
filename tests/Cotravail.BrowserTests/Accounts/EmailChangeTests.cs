using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cotravail.BrowserTests.Accounts;

public sealed class EmailChangeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Where the screenshots of « Mon compte » go, for people to look at (not compared).</summary>
    private static readonly string Shots = Path.Combine(Path.GetTempPath(), "cotravail-shots");

    [Fact]
    public async Task A_member_changes_their_address_confirms_it_from_the_mail_and_signs_in_with_the_new_one()
    {
        var visitor = new Visitor("Maëlle", "Costes", "maelle.costes@exemple.fr", "46140", "une phrase de passe assez longue", "Luzech");
        const string newEmail = "maelle@atelier-costes.fr";
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await (await RegisterPage.OpenAsync(page)).RegisterAsync(visitor);
        await page.OpenAsync(Mailbox.LinkIn(await Mailbox.WaitForMailAsync(browser.App.MailFolder, visitor.Email), "/compte/confirmer").PathAndQuery);
        await (await LoginPage.OpenAsync(page)).SignInAsync(visitor.Email, visitor.Password);

        await page.OpenAsync("/compte");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mon compte", Level = 1 })).ToBeVisibleAsync();
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "compte-1280.png"), FullPage = true });
        await page.GetByLabel("Nouvelle adresse e-mail").FillAsync(newEmail);
        await page.Locator("#Email_Password").FillAsync(visitor.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Changer d'adresse e-mail" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Un lien de confirmation vient d'être envoyé à votre nouvelle adresse");
        await Expect(page.Locator("#adresse-actuelle")).ToHaveTextAsync(visitor.Email);

        var warning = await Mailbox.WaitForMailAsync(browser.App.MailFolder, visitor.Email);
        var confirm = await Mailbox.WaitForMailAsync(browser.App.MailFolder, newEmail);
        Assert.Equal("Confirmez votre nouvelle adresse e-mail – Cotravail", confirm.Subject);
        await page.OpenAsync(Mailbox.LinkIn(confirm, "/compte/confirmer-adresse").PathAndQuery);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Votre compte utilise désormais l'adresse {newEmail}.");

        await using var elsewhere = await browser.NewContextAsync(width: 375, height: 740);
        var phone = await elsewhere.NewPageAsync();
        await (await LoginPage.OpenAsync(phone)).SignInAsync(newEmail, visitor.Password);
        await phone.OpenAsync("/compte");
        await Expect(phone.Locator("#adresse-actuelle")).ToHaveTextAsync(newEmail);
        await phone.ScreenshotAsync(new() { Path = Path.Combine(Shots, "compte-375.png"), FullPage = true });
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "no horizontal scroll at 375 px");
        _ = warning;
    }
}
