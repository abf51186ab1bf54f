using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Pages;

public static class Navigation
{
    /// <summary>Opens <paramref name="url"/> and fails at once, with the status, when the server does not answer 2xx.</summary>
    public static async Task OpenAsync(this IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        if (response is not { Ok: true })
        {
            throw new InvalidOperationException($"GET {url} answered {response?.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}.");
        }
    }
}
