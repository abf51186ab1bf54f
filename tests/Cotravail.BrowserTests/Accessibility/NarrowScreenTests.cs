using Cotravail.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Accessibility;

/// <summary>
/// At 320 CSS pixels wide (a small phone, or 1280 px zoomed to 400 %: RGAA 10.11, WCAG 1.4.10 reflow) no page of the
/// sweep scrolls sideways. Wide tables may scroll inside their own box, never the whole page.
/// </summary>
public sealed class NarrowScreenTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Overflow = """
        () => {
            const root = document.documentElement;
            if (root.scrollWidth <= root.clientWidth) return null;
            const wide = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > root.clientWidth + 1)
                .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= root.clientWidth + 1)
                .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).replace(/ /g, '.') : ''));
            return root.scrollWidth + ' > ' + root.clientWidth + ' (' + wide.join(', ') + ')';
        }
        """;

    private static async Task<string> OverflowsAsync(IBrowserContext context, IEnumerable<string> paths)
    {
        var page = await context.NewPageAsync();
        var report = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            if (await page.EvaluateAsync<string?>(Overflow) is { } wide)
            {
                report.Add($"{path}: {wide}");
            }
        }
        return string.Join("\n", report);
    }

    [Fact]
    public async Task No_public_or_account_page_scrolls_sideways_at_320_pixels()
    {
        await using var context = await browser.NewContextAsync(320, 640);
        var report = await OverflowsAsync(context, SweptPages.PublicAndAccount);
        Assert.True(report.Length == 0, report);
    }

    [Fact]
    public async Task No_member_page_scrolls_sideways_at_320_pixels()
    {
        await using var context = await browser.NewContextAsync(320, 640);
        await AxeSweep.SignInAsync(context, "membre@cotravail.test");
        var report = await OverflowsAsync(context, SweptPages.Member);
        Assert.True(report.Length == 0, report);
    }

    [Fact]
    public async Task No_manager_page_scrolls_sideways_at_320_pixels()
    {
        await using var context = await browser.NewContextAsync(320, 640);
        await AxeSweep.SignInAsync(context, "gestion@cotravail.test");
        var report = await OverflowsAsync(context, await SweptPages.ManagerAsync(browser.App.BaseAddress));
        Assert.True(report.Length == 0, report);
    }
}
