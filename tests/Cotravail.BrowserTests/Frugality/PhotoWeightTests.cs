using Cotravail.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Frugality;

/// <summary>
/// Photos on a phone's first load: only the smallest width (320 px) of a photo in view is fetched, lazily, never the
/// JPEG when WebP is understood; the map's Leaflet waits until it is scrolled to; the page stays under 150 KB.
/// </summary>
public sealed class PhotoWeightTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/espaces/luzech")]
    public async Task On_a_phone_a_first_load_fetches_only_small_WebP_photos_and_no_map(string path)
    {
        await using var context = await browser.NewContextAsync(width: 375, height: 740);
        var page = await context.NewPageAsync();
        var responses = new List<IResponse>();
        page.Response += (_, r) => responses.Add(r);
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var photos = responses.Where(r => r.Url.Contains("/photos/espaces/", StringComparison.Ordinal)).Select(r => r.Url).ToList();
        Assert.All(photos, url => Assert.EndsWith("/320.webp", url, StringComparison.Ordinal));
        Assert.DoesNotContain(responses, r => r.Url.Contains("leaflet", StringComparison.Ordinal) || r.Url.Contains("tuiles.test", StringComparison.Ordinal));
        long total = 0;
        foreach (var r in responses.ToList())
        {
            var sizes = await r.Request.SizesAsync();
            total += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
        }
        Assert.True(total < 150 * 1024, $"{path}: {total / 1024.0:0.0} KB, photos: {string.Join(", ", photos)}");
        var photoCount = await page.Locator("main picture img").CountAsync();
        Assert.True(photoCount > 0, "no photo on the page");
    }
}
