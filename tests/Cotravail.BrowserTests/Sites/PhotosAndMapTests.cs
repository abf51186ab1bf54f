using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cotravail.BrowserTests.Sites;

/// <summary>
/// A space's photos and map in a real browser. Tiles come from http://tuiles.test (see <see cref="AppServer"/>), routed
/// here to a small PNG: no test reaches a real tile server.
/// </summary>
public sealed class PhotosAndMapTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly byte[] Tile = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4/58BAAT/Af9jgNErAAAAAElFTkSuQmCC");

    public static string ShotFolder => Path.Combine(Path.GetTempPath(), "cotravail-shots");

    private static async Task<(IPage Page, List<string> Requests)> OpenAsync(IBrowserContext context, string url)
    {
        var requests = new List<string>();
        await context.RouteAsync("http://tuiles.test/**", route => route.FulfillAsync(new() { ContentType = "image/png", BodyBytes = Tile }));
        var page = await context.NewPageAsync();
        page.Request += (_, r) => requests.Add(r.Url);
        await page.OpenAsync(url);
        return (page, requests);
    }

    [Fact]
    public async Task A_space_page_shows_its_photos_and_loads_the_map_only_when_scrolled_into_view()
    {
        await using var context = await browser.NewContextAsync(width: 375, height: 740);
        var (page, requests) = await OpenAsync(context, "/espaces/luzech");

        var gallery = page.Locator("main .gallery img");
        await Expect(gallery).ToHaveCountAsync(2);
        await Expect(gallery.First).ToHaveAttributeAsync("alt", new System.Text.RegularExpressions.Regex("coin détente"));
        Assert.DoesNotContain(requests, r => r.Contains("leaflet", StringComparison.Ordinal) || r.Contains("tuiles.test", StringComparison.Ordinal));

        var map = page.GetByRole(AriaRole.Region, new() { Name = "Carte : Tiers-lieu de Luzech" });
        await map.ScrollIntoViewIfNeededAsync();
        var marker = map.GetByRole(AriaRole.Button, new() { Name = "Tiers-lieu de Luzech" });
        await Expect(marker).ToBeVisibleAsync();
        await Expect(map.Locator("img.leaflet-tile-loaded").First).ToBeVisibleAsync();
        Assert.Contains(requests, r => r.Contains("/lib/leaflet/leaflet.js", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.StartsWith("http://tuiles.test/", StringComparison.Ordinal));
        await Expect(map.Locator(".leaflet-control-attribution")).ToContainTextAsync("OpenStreetMap");

        // The marker is reached with the keyboard and opens a link to the page; Tab goes on out of the map.
        await marker.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(map.Locator(".leaflet-popup a[href='/espaces/luzech']")).ToBeVisibleAsync();
        for (var i = 0; i < 8 && await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('.map')"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.False(await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('.map')"), "Tab stays inside the map");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tiers-lieu de Luzech sur OpenStreetMap" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Without_javascript_the_space_page_links_to_the_place_on_OpenStreetMap()
    {
        await using var context = await browser.NewContextAsync(javaScript: false);
        var (page, requests) = await OpenAsync(context, "/espaces/luzech");

        var link = page.GetByRole(AriaRole.Link, new() { Name = "Tiers-lieu de Luzech sur OpenStreetMap" });
        await Expect(link).ToBeVisibleAsync();
        await Expect(link).ToHaveAttributeAsync("href", "https://www.openstreetmap.org/?mlat=44.4786&mlon=1.2884#map=16/44.4786/1.2884");
        await Expect(page.Locator("[data-map]")).ToBeHiddenAsync();
        await Expect(page.Locator("main .gallery picture").First).ToBeVisibleAsync();
        Assert.DoesNotContain(requests, r => r.Contains("leaflet", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(375, 740)]
    [InlineData(1280, 800)]
    public async Task Screenshots_of_the_home_and_a_space_page(int width, int height)
    {
        Directory.CreateDirectory(ShotFolder);
        await using var context = await browser.NewContextAsync(width: width, height: height);
        foreach (var (url, name) in new[] { ("/", "accueil"), ("/espaces/luzech", "luzech") })
        {
            var (page, _) = await OpenAsync(context, url);
            var map = page.Locator("[data-map]");
            await map.ScrollIntoViewIfNeededAsync();
            await Expect(map.Locator(".leaflet-marker-icon").First).ToBeVisibleAsync();
            // Every lazy photo in, then the whole page.
            await page.EvaluateAsync("() => document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scroll <= width, $"{url} is {scroll} px wide at {width} px");
            await page.ScreenshotAsync(new() { Path = Path.Combine(ShotFolder, $"{name}-{width}.png"), FullPage = true });
            await page.CloseAsync();
        }
    }
}
