using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Pages;

/// <summary>The banner at the top of every page.</summary>
public sealed class SiteHeader(IPage page)
{
    private ILocator Banner => page.GetByRole(AriaRole.Banner);

    public ILocator SignOutButton => Banner.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter", Exact = true });
}
