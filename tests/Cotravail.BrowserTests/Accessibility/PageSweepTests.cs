using System.Net.Http.Json;
using System.Text.Json;
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
        var (profile, listing) = await NetworkIdsAsync();
        var violations = await AxeSweep.ViolationsAsync(context,
            [.. SweptPages.PublicAndAccount, $"/annuaire/{profile}", $"/annonces/{listing}"]);
        Assert.True(violations.Length == 0, violations);
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(375, 740)]
    public async Task Member_pages_have_no_violation(int width, int height)
    {
        await using var context = await browser.NewContextAsync(width, height);
        await AxeSweep.SignInAsync(context, "membre@cotravail.test");
        var (profile, _) = await NetworkIdsAsync();
        var violations = await AxeSweep.ViolationsAsync(context, [.. SweptPages.Member, $"/messages/nouveau?fiche={profile}"]);
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

    /// <summary>A public profile of the demo (the builder in Prayssac) and its listing.</summary>
    private async Task<(int Profile, int Listing)> NetworkIdsAsync()
    {
        using var http = new HttpClient { BaseAddress = browser.App.BaseAddress };
        var listings = await http.GetFromJsonAsync<JsonElement>("/api/v1/listings?q=dessinateur");
        var first = listings.GetProperty("items")[0];
        return (first.GetProperty("profileId").GetInt32(), first.GetProperty("id").GetInt32());
    }
}
