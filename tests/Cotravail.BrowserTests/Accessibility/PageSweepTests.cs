using Cotravail.BrowserTests.Infrastructure;

namespace Cotravail.BrowserTests.Accessibility;

/// <summary>Every kind of page — public, account, member, host, manager — passes axe-core on a large screen and on a phone.</summary>
public sealed class PageSweepTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(375, 740)]
    public async Task Public_and_account_pages_have_no_violation(int width, int height)
    {
        await using var context = await browser.NewContextAsync(width, height);
        var violations = await AxeSweep.ViolationsAsync(context, SweptPages.PublicAndAccount);
        Assert.True(violations.Length == 0, violations);
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(375, 740)]
    public async Task Member_pages_have_no_violation(int width, int height)
    {
        await using var context = await browser.NewContextAsync(width, height);
        await AxeSweep.SignInAsync(context, "membre@cotravail.test");
        var violations = await AxeSweep.ViolationsAsync(context, SweptPages.Member);
        Assert.True(violations.Length == 0, violations);
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(375, 740)]
    public async Task Manager_pages_have_no_violation(int width, int height)
    {
        await using var context = await browser.NewContextAsync(width, height);
        await AxeSweep.SignInAsync(context, "gestion@cotravail.test");
        var violations = await AxeSweep.ViolationsAsync(context, await SweptPages.ManagerAsync(browser.App.BaseAddress));
        Assert.True(violations.Length == 0, violations);
    }
}
