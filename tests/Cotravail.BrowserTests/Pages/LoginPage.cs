using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Pages;

/// <summary>The sign-in form at /compte/connexion.</summary>
public sealed class LoginPage(IPage page)
{
    public static async Task<LoginPage> OpenAsync(IPage page)
    {
        await page.OpenAsync("/compte/connexion");
        return new LoginPage(page);
    }

    public async Task SignInAsync(string email, string password)
    {
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter", Exact = true }).ClickAsync();
    }
}
