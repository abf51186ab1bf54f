using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Cotravail.BrowserTests.Sites;

public sealed class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/espaces/luzech")]
    public async Task Public_page_has_no_accessibility_violation(string path)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);

        var result = await page.RunAxe();

        Assert.True(result.Violations.Length == 0, Describe(result.Violations));
    }

    private static string Describe(AxeResultItem[] violations) =>
        string.Join("\n", violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}\n" +
            string.Join("\n", v.Nodes.Select(n => $"    {n.Target}: {n.Html}"))));
}
