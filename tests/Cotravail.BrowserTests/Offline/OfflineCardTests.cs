using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Offline;

/// <summary>
/// The service worker: a member's card (with its QR code) stays readable offline, marked as a copy; once the member
/// signs out, the copy is gone from the device.
/// </summary>
public sealed class OfflineCardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string HasCopy = """
        async (path) => {
          for (let i = 0; i < 100; i++) {
            for (const name of await caches.keys()) {
              if (await (await caches.open(name)).match(path)) return true;
            }
            await new Promise(r => setTimeout(r, 100));
          }
          return false;
        }
        """;

    private const string CopyGone = """
        async (path) => {
          for (let i = 0; i < 100; i++) {
            let found = false;
            for (const name of await caches.keys()) {
              if (await (await caches.open(name)).match(path)) found = true;
            }
            if (!found) return true;
            await new Promise(r => setTimeout(r, 100));
          }
          return false;
        }
        """;

    [Fact]
    public async Task The_card_is_readable_offline_with_a_notice_until_the_member_signs_out()
    {
        await using var context = await browser.NewContextAsync(375, 740);
        var page = await context.NewPageAsync();
        await (await LoginPage.OpenAsync(page)).SignInAsync("membre@cotravail.test", AppServer.DemoPassword);
        await page.WaitForURLAsync(url => !url.Contains("/compte/connexion", StringComparison.Ordinal));

        await page.OpenAsync("/ma-carte");
        await page.WaitForFunctionAsync("navigator.serviceWorker.controller !== null");
        await page.ReloadAsync(); // now through the worker, which keeps a copy
        Assert.True(await page.EvaluateAsync<bool>(HasCopy, "/ma-carte"), "The worker kept no copy of /ma-carte.");
        var online = await page.Locator("#card-token").TextContentAsync();

        await context.SetOfflineAsync(true);
        await page.ReloadAsync();
        var notice = page.Locator("#hors-ligne");
        await Assertions.Expect(notice).ToBeVisibleAsync();
        Assert.StartsWith("Hors ligne — copie du ", await notice.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("status", await notice.GetAttributeAsync("role"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ma carte", Level = 1 })).ToBeVisibleAsync();
        var qr = page.GetByRole(AriaRole.Img, new() { Name = "QR code de votre carte de membre" });
        await Assertions.Expect(qr).ToBeVisibleAsync();
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The QR code is not drawn.");
        Assert.Equal(online, await page.Locator("#card-token").TextContentAsync());
        // Styled from the worker's copy of the stylesheet: the notice has its border.
        Assert.NotEqual("0px", await notice.EvaluateAsync<string>("p => getComputedStyle(p).borderLeftWidth"));

        // Back online, signing out empties the copies: offline, the card is no longer there.
        await context.SetOfflineAsync(false);
        await page.OpenAsync("/compte/deconnexion");
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/compte/deconnexion", StringComparison.Ordinal));
        Assert.True(await page.EvaluateAsync<bool>(CopyGone, "/ma-carte"), "The copy of /ma-carte outlived the sign-out.");

        await context.SetOfflineAsync(true);
        await page.GotoAsync("/ma-carte");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hors ligne", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("img.qr").CountAsync());
        Assert.Equal(0, await page.Locator("#card-token").CountAsync());
    }

    [Fact]
    public async Task Another_account_signing_in_on_the_device_does_not_see_the_first_ones_copies()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await (await LoginPage.OpenAsync(page)).SignInAsync("membre@cotravail.test", AppServer.DemoPassword);
        await page.WaitForURLAsync(url => !url.Contains("/compte/connexion", StringComparison.Ordinal));
        await page.OpenAsync("/mes-reservations");
        await page.WaitForFunctionAsync("navigator.serviceWorker.controller !== null");
        await page.ReloadAsync();
        Assert.True(await page.EvaluateAsync<bool>(HasCopy, "/mes-reservations"));

        // The session ends without the sign-out button (cookies cleared), then someone else signs in.
        await context.ClearCookiesAsync();
        await (await LoginPage.OpenAsync(page)).SignInAsync("accueil@cotravail.test", AppServer.DemoPassword);
        await page.WaitForURLAsync(url => !url.Contains("/compte/connexion", StringComparison.Ordinal));
        Assert.True(await page.EvaluateAsync<bool>(CopyGone, "/mes-reservations"), "The first member's bookings stayed on the device.");
    }
}
