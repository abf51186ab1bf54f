using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Cotravail.BrowserTests.Sites;

public sealed class HomePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Communes = ["Luzech", "Prayssac", "Puy-l'Évêque"];

    [Fact]
    public async Task Home_page_lists_the_three_sites_of_the_network()
    {
        await using var context = await browser.NewContextAsync();
        var home = await HomePage.OpenAsync(await context.NewPageAsync());

        await Expect(home.SiteCards).ToHaveCountAsync(3);
        foreach (var commune in Communes)
        {
            await Expect(home.SiteCard(commune)).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task Home_page_fits_a_phone_screen_without_scrolling_sideways()
    {
        await using var context = await browser.NewContextAsync(width: 375, height: 740);
        var home = await HomePage.OpenAsync(await context.NewPageAsync());

        await Expect(home.SiteCards).ToHaveCountAsync(3);
        await Expect(home.SiteCard("Luzech")).ToBeVisibleAsync();
        var width = await home.ScrollWidthAsync();
        Assert.True(width <= 375, $"The page is {width} px wide on a 375 px screen.");
    }
}
