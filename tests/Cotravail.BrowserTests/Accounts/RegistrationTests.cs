using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Cotravail.BrowserTests.Accounts;

public sealed class RegistrationTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Visitor_registers_confirms_their_address_from_the_mail_and_signs_in()
    {
        var visitor = new Visitor("Camille", "Delmas", "camille.delmas@exemple.fr", "46140", "une phrase de passe assez longue", "Luzech");
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var register = await RegisterPage.OpenAsync(page);
        await register.RegisterAsync(visitor);

        var mail = await Mailbox.WaitForMailAsync(browser.App.MailFolder, visitor.Email);
        var link = Mailbox.LinkIn(mail, "/compte/confirmer");
        var confirmation = await EmailConfirmationPage.OpenAsync(page, link);
        await Expect(confirmation.Confirmed).ToBeVisibleAsync();

        var login = await LoginPage.OpenAsync(page);
        await login.SignInAsync(visitor.Email, visitor.Password);
        var header = new SiteHeader(page);
        await header.OpenGroupAsync("Mon espace");
        await Expect(header.SignOutButton).ToBeVisibleAsync();
    }
}
