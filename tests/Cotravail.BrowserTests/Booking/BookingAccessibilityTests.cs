using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Booking;

/// <summary>The booking pages pass axe-core, on a large screen and on a phone, from the week view to cancelling.</summary>
public sealed class BookingAccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(375, 740)]
    public async Task Booking_a_desk_and_cancelling_it_goes_through_pages_without_accessibility_violations(int width, int height)
    {
        await using var context = await browser.NewContextAsync(width, height);
        var page = await context.NewPageAsync();
        await page.OpenAsync("/espaces/luzech/disponibilites");
        await AssertNoViolationAsync(page);

        await SignInAsync(context, "membre@cotravail.test");
        await page.OpenAsync("/espaces/luzech/disponibilites");
        var next = page.Locator(".week-nav a", new() { HasTextString = "Semaine suivante" });
        await next.ClickAsync();
        await AssertNoViolationAsync(page);

        var scope = width > 800 ? ".week-table" : ".week-list";
        await page.Locator($"{scope} a[href*='periode=']").First.ClickAsync();
        await AssertNoViolationAsync(page);

        await page.GetByLabel("Date").FillAsync("2020-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier" }).ClickAsync();
        Assert.Contains("Cette date est passée.", await page.Locator("#Input_Date-error").InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoViolationAsync(page);

        await page.GoBackAsync();
        await page.GoBackAsync();
        await page.Locator($"{scope} a[href*='periode=']").First.ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Journée") }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier" }).ClickAsync();
        await AssertNoViolationAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer la réservation" }).ClickAsync();
        Assert.EndsWith("/mes-reservations", page.Url, StringComparison.Ordinal);
        await AssertNoViolationAsync(page);

        await page.Locator("section[aria-labelledby=a-venir] a[href*=annuler]").First.ClickAsync();
        await AssertNoViolationAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer l'annulation" }).ClickAsync();
        await AssertNoViolationAsync(page);
    }

    [Fact]
    public async Task The_hosts_day_page_has_no_accessibility_violation()
    {
        await using var context = await browser.NewContextAsync();
        await SignInAsync(context, "accueil@cotravail.test");
        var page = await context.NewPageAsync();
        await page.OpenAsync("/accueil/luzech/reservations");
        await AssertNoViolationAsync(page);
    }

    /// <summary>Signs in through the API with a cookie, which the browser context then carries.</summary>
    private static async Task SignInAsync(IBrowserContext context, string email)
    {
        var response = await context.APIRequest.PostAsync("/api/v1/auth/login?useCookies=true", new()
        {
            DataObject = new { email, password = AppServer.DemoPassword },
        });
        Assert.True(response.Ok, $"sign-in of {email}: {response.Status}");
    }

    private static async Task AssertNoViolationAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, page.Url + "\n" + Describe(result.Violations));
    }

    private static string Describe(AxeResultItem[] violations) =>
        string.Join("\n", violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}\n" +
            string.Join("\n", v.Nodes.Select(n => $"    {n.Target}: {n.Html}"))));
}
