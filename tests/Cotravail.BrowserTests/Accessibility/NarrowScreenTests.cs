using Cotravail.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Accessibility;

/// <summary>
/// At 320 CSS pixels wide (a small phone, or 1280 px zoomed to 400 %: RGAA 10.11, WCAG 1.4.10 reflow) no page of the
/// sweep scrolls sideways. Wide tables may scroll inside their own box, never the whole page. No word of a table is cut
/// to fit a narrow column (« Produi t »): on a phone tables become cards (wwwroot/js/tables.js).
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

    /// <summary>Words of table cells drawn on more than one line (hyphens and slashes may end a line; addresses longer than 24 characters may break).</summary>
    private const string CutWords = """
        () => {
            const cut = [];
            for (const cell of document.querySelectorAll('main td, main th')) {
                if (cell.closest('.visually-hidden, table.as-cards > thead')) continue;
                const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const words = /[^\s\-–\/]+/g;
                    for (let m = words.exec(node.data); m; m = words.exec(node.data)) {
                        if (m[0].length < 2 || m[0].length > 24) continue;
                        const range = document.createRange();
                        range.setStart(node, m.index);
                        range.setEnd(node, m.index + m[0].length);
                        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                        if (lines.size > 1) cut.push('« ' + m[0] + ' »');
                        if (cut.length >= 5) return 'cut words ' + cut.join(', ');
                    }
                }
            }
            return cut.length ? 'cut words ' + cut.join(', ') : null;
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
            if (await page.EvaluateAsync<string?>(CutWords) is { } cut)
            {
                report.Add($"{path}: {cut}");
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

    /// <summary>The header's menu unfolded, each of its groups open in turn, in French and in English (longer words).</summary>
    [Theory]
    [InlineData(null)]
    [InlineData("membre@cotravail.test")]
    [InlineData("gestion@cotravail.test")]
    public async Task The_open_menu_and_each_of_its_groups_fit_320_pixels(string? email)
    {
        await using var context = await browser.NewContextAsync(320, 640);
        if (email is not null)
        {
            await AxeSweep.SignInAsync(context, email);
        }
        var page = await context.NewPageAsync();
        var report = new List<string>();
        foreach (var language in new[] { "fr", "en" })
        {
            await page.GotoAsync("/agenda");
            var header = new Pages.SiteHeader(page);
            if (language == "en")
            {
                await header.OpenMenuAsync();
                await header.Banner.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
                await page.WaitForSelectorAsync("html[lang=en]");
            }
            await header.OpenMenuAsync();
            Assert.True(await Pages.SiteHeader.IsOpenAsync(header.MenuButton));
            var groups = header.Banner.Locator(".nav-group summary");
            for (var i = 0; i < await groups.CountAsync(); i++)
            {
                await groups.Nth(i).ClickAsync();
                var name = (await groups.Nth(i).InnerTextAsync()).Trim();
                if (await page.EvaluateAsync<string?>(Overflow) is { } wide)
                {
                    report.Add($"{language}, {name} open: {wide}");
                }
                // Every link of the open group in view, none cut at the right edge.
                foreach (var box in await header.Banner.Locator("details[open] .nav-sub a").EvaluateAllAsync<double[]>(
                             "links => links.map(a => a.getBoundingClientRect().right)"))
                {
                    if (box > 320)
                    {
                        report.Add($"{language}, {name}: a link ends at {box} px");
                    }
                }
            }
        }
        Assert.True(report.Count == 0, string.Join("\n", report));
    }

    [Fact]
    public async Task No_member_or_manager_page_cuts_a_word_of_a_table_at_375_pixels()
    {
        await using var member = await browser.NewContextAsync(375, 740);
        await AxeSweep.SignInAsync(member, "membre@cotravail.test");
        var report = await OverflowsAsync(member, SweptPages.Member);
        await using var manager = await browser.NewContextAsync(375, 740);
        await AxeSweep.SignInAsync(manager, "gestion@cotravail.test");
        report += await OverflowsAsync(manager, await SweptPages.ManagerAsync(browser.App.BaseAddress));
        Assert.True(report.Length == 0, report);
    }
}
