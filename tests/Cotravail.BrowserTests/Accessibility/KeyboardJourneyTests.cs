using System.Text.Json;
using Cotravail.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Accessibility;

/// <summary>
/// A person who cannot use a mouse signs in and books a desk with the keyboard alone: Tab to move, arrows to choose,
/// Space and Enter to act. No click, no filling by the test: only key presses.
/// </summary>
public sealed class KeyboardJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int MaxTabs = 80;

    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/>; fails when it never does.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => !!document.activeElement && document.activeElement.matches(s)", selector))
            {
                return;
            }
        }
        Assert.Fail($"{MaxTabs} presses of Tab never reached {selector} on {page.Url}");
    }

    private static async Task EnterAndWaitAsync(IPage page)
    {
        var url = page.Url;
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForLoadStateAsync(LoadState.Load);
        for (var i = 0; i < 50 && page.Url == url; i++)
        {
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Signing_in_and_booking_a_desk_with_the_keyboard_alone()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/compte/connexion");

        await TabToAsync(page, "#Input_Email");
        await page.Keyboard.TypeAsync("membre@cotravail.test");
        await TabToAsync(page, "#Input_Password");
        await page.Keyboard.TypeAsync(AppServer.DemoPassword);
        await EnterAndWaitAsync(page);
        Assert.False(page.Url.Contains("/compte/connexion", StringComparison.Ordinal), "still on the sign-in page");

        // Signing in leads to « Mon espace »: its « Réserver » lists the spaces.
        await TabToAsync(page, "main a[href='/reserver']");
        await EnterAndWaitAsync(page);
        await TabToAsync(page, "main a[href='/espaces/luzech/disponibilites']");
        await EnterAndWaitAsync(page);
        // Next week (always open days ahead), then its first free morning.
        await TabToAsync(page, ".week-nav a:last-child");
        await EnterAndWaitAsync(page);
        await TabToAsync(page, ".week-table a[href*='periode=']");
        await EnterAndWaitAsync(page);

        // The period: arrows move the choice inside the group of radio buttons, to « Journée ».
        await TabToAsync(page, "input[name='Input.Period']");
        for (var i = 0; i < 3 && !await page.IsCheckedAsync("#Input_Period_journee"); i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }
        Assert.True(await page.IsCheckedAsync("#Input_Period_journee"));
        await TabToAsync(page, "button[type=submit].primary");
        await EnterAndWaitAsync(page);
        await TabToAsync(page, "button[type=submit].primary");
        Assert.Equal("Confirmer la réservation", (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Trim());
        await page.Keyboard.PressAsync("Space");
        await page.WaitForURLAsync("**/mes-reservations");

        var bookings = await context.APIRequest.GetAsync("/api/v1/me/bookings");
        var list = JsonDocument.Parse(await bookings.TextAsync()).RootElement;
        var booked = Assert.Single(list.EnumerateArray());
        Assert.Equal("day", booked.GetProperty("period").GetString(), ignoreCase: true);
        Assert.Equal("luzech", booked.GetProperty("siteName").GetString()!.Split(' ')[^1], ignoreCase: true);
    }
}
