using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Pages;

/// <summary>The page the confirmation link of the welcome mail opens.</summary>
public sealed class EmailConfirmationPage(IPage page)
{
    public static async Task<EmailConfirmationPage> OpenAsync(IPage page, Uri link)
    {
        await page.OpenAsync(link.ToString());
        return new EmailConfirmationPage(page);
    }

    public ILocator Confirmed => page.GetByText("Votre adresse e-mail est confirmée");
}
