using Cotravail.BrowserTests.Accessibility;
using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Frugality;

/// <summary>
/// Rural connections: each public page weighs under 150 KB on a first visit (an empty cache), everything it loads
/// counted as it travels (compressed bodies and headers of HTML, CSS, JavaScript, fonts, images); and the public
/// pages work with JavaScript turned off.
/// </summary>
public sealed class FrugalityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const long Budget = 150 * 1024;

    [Fact]
    public async Task Every_public_page_weighs_under_150_KB_compressed_on_first_load()
    {
        var report = new List<string>();
        foreach (var path in SweptPages.Public)
        {
            // A new context per page: nothing in the cache, as on a first visit.
            await using var context = await browser.NewContextAsync();
            var page = await context.NewPageAsync();
            var responses = new List<IResponse>();
            page.Response += (_, r) => responses.Add(r);
            var main = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
            Assert.True(main is { Ok: true }, $"{path}: {main?.Status}");
            var encoding = await main!.HeaderValueAsync("content-encoding");
            Assert.True(encoding is "br" or "gzip", $"{path} is not compressed ({encoding ?? "no content-encoding"})");
            long total = 0;
            foreach (var r in responses.ToList())
            {
                var sizes = await r.Request.SizesAsync();
                total += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            }
            report.Add($"{path}: {total / 1024.0:0.0} KB in {responses.Count} responses");
            Assert.True(total < Budget, string.Join("\n", report));
        }
        Console.WriteLine(string.Join("\n", report));
    }

    [Fact]
    public async Task Without_javascript_a_visitor_moves_through_public_pages_and_signs_in()
    {
        await using var context = await browser.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.OpenAsync("/");
        await page.Locator("main a[href='/espaces/luzech']").First.ClickAsync();
        Assert.EndsWith("/espaces/luzech", page.Url, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Voir les disponibilités et réserver" }).ClickAsync();
        Assert.EndsWith("/espaces/luzech/disponibilites", page.Url, StringComparison.Ordinal);
        await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Politique de confidentialité" }).ClickAsync();
        Assert.Equal("Politique de confidentialité", await page.Locator("h1").InnerTextAsync());
        var header = new SiteHeader(page);
        await header.Link("Agenda").ClickAsync();
        Assert.EndsWith("/agenda", page.Url, StringComparison.Ordinal);
        await header.FollowAsync("Réseau", "Annuaire");
        Assert.EndsWith("/annuaire", page.Url, StringComparison.Ordinal);

        // A public form: signing in, wrong password first, then the right one.
        await header.Link("Se connecter").ClickAsync();
        var login = new LoginPage(page);
        await login.SignInAsync("membre@cotravail.test", "pas-le-bon-mot-de-passe");
        Assert.Contains("/compte/connexion", page.Url, StringComparison.Ordinal);
        await login.SignInAsync("membre@cotravail.test", AppServer.DemoPassword);
        await header.OpenGroupAsync("Mon espace");
        Assert.True(await header.SignOutButton.IsVisibleAsync());
    }
}
