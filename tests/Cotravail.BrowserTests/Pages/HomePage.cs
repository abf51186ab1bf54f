using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Pages;

/// <summary>The home page: one card per site of the network.</summary>
public sealed class HomePage(IPage page)
{
    public static async Task<HomePage> OpenAsync(IPage page)
    {
        await page.OpenAsync("/");
        return new HomePage(page);
    }

    public ILocator SiteCards => page.Locator(".card");

    public ILocator SiteCard(string commune) => SiteCards.Filter(new() { HasText = commune });

    /// <summary>The width of the whole document; wider than the window means a horizontal scroll bar.</summary>
    public Task<int> ScrollWidthAsync() => page.EvaluateAsync<int>("document.documentElement.scrollWidth");
}
