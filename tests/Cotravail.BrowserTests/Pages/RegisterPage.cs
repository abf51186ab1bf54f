using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Pages;

/// <summary>Someone who creates an account.</summary>
public sealed record Visitor(string FirstName, string LastName, string Email, string Postcode, string Password, string? Commune = null);

/// <summary>The registration form at /compte/inscription.</summary>
public sealed class RegisterPage(IPage page)
{
    public static async Task<RegisterPage> OpenAsync(IPage page)
    {
        await page.OpenAsync("/compte/inscription");
        return new RegisterPage(page);
    }

    public async Task RegisterAsync(Visitor visitor)
    {
        await page.GetByLabel("Prénom").FillAsync(visitor.FirstName);
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync(visitor.LastName);
        await page.GetByLabel("Adresse e-mail").FillAsync(visitor.Email);
        await page.GetByLabel("Code postal de résidence").FillAsync(visitor.Postcode);
        if (visitor.Commune is { } commune)
        {
            // The postcode's communes come into the list as it is typed; a shared postcode needs one chosen.
            await page.GetByLabel("Commune de résidence").SelectOptionAsync(new SelectOptionValue { Label = commune });
        }
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(visitor.Password);
        await page.GetByLabel("Confirmer le mot de passe").FillAsync(visitor.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();
    }
}
