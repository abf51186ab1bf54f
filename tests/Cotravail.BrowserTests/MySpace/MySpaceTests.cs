using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Cotravail.BrowserTests.MySpace;

/// <summary>
/// Signing in through the form leads each demo role to « Mon espace » with its blocks: the member's bookings, the host's
/// « Aujourd'hui » links first, the manager's figures of the week. (Browser tests turn the managers' two-factor
/// authentication off, as <see cref="AppServer"/> says; its redirect has HTTP tests.) On a phone: axe-clean, no horizontal scroll.
/// </summary>
public sealed class MySpaceTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string Shots = Path.Combine(Path.GetTempPath(), "cotravail-screenshots", "mon-espace");

    [Theory]
    [InlineData(375, 740)]
    [InlineData(1280, 800)]
    public async Task Each_role_lands_on_its_space_with_its_blocks(int width, int height)
    {
        var booked = await BookNextOpenDayAsync("membre@cotravail.test");

        await using var member = await SignInAsync("membre@cotravail.test", width, height);
        var page = member.Pages[0];
        await Assertions.Expect(page.Locator("main a.space-book-button")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#prochaines-reservations > li").First).ToContainTextAsync("Espace partagé");
        await Assertions.Expect(page.Locator("#prochaines-reservations a[href$='/annuler']").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#a-regler")).ToContainTextAsync("IBAN FR76 3000 1000 6400 0001 2345 618");
        await Assertions.Expect(page.Locator("#mes-droits-en-cours")).ToContainTextAsync("Carnet de 10 journées");
        Assert.Equal(0, await page.Locator("#sites-du-jour").CountAsync());
        Assert.Equal(0, await page.Locator("#chiffres-semaine").CountAsync());
        await CheckAsync(page, width, "membre");

        await using var host = await SignInAsync("accueil@cotravail.test", width, height);
        page = host.Pages[0];
        var first = page.Locator("main section").First;
        await Assertions.Expect(first.Locator("h2")).ToHaveTextAsync("Accueil du jour");
        Assert.Equal(["/accueil/luzech", "/accueil/prayssac"], await page.Locator("#sites-du-jour a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))"));
        Assert.Equal(0, await page.Locator("#chiffres-semaine").CountAsync());
        await Assertions.Expect(page.Locator("main a.space-book-button")).ToBeVisibleAsync();
        await CheckAsync(page, width, "accueil");

        await using var manager = await SignInAsync("gestion@cotravail.test", width, height);
        page = manager.Pages[0];
        await Assertions.Expect(page.Locator("#chiffres-semaine > li").First).ToContainTextAsync("Vallée du Lot et du Vignoble");
        await Assertions.Expect(page.Locator("#chiffres-semaine dt", new() { HasTextString = "Encaissé" })).ToBeVisibleAsync();
        await CheckAsync(page, width, "gestion");

        // « Annuler » opens the cancellation page of « Mes réservations ».
        page = member.Pages[0];
        await page.Locator($"#prochaines-reservations a[href='/mes-reservations/{booked}/annuler']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Annuler une réservation");
    }

    [Fact]
    public async Task My_space_has_no_horizontal_scroll_at_320_px()
    {
        foreach (var email in new[] { "membre@cotravail.test", "gestion@cotravail.test" })
        {
            await using var context = await SignInAsync(email, 320, 640);
            var width = await context.Pages[0].EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 320, $"{email}: {width} px wide on a 320 px screen");
        }
    }

    /// <summary>Signs in with the form, without a return address: the browser lands on « Mon espace ».</summary>
    private async Task<IBrowserContext> SignInAsync(string email, int width, int height)
    {
        var context = await browser.NewContextAsync(width, height);
        var page = await context.NewPageAsync();
        var login = await LoginPage.OpenAsync(page);
        await login.SignInAsync(email, AppServer.DemoPassword);
        await page.WaitForURLAsync("**/mon-espace", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync("Mon espace");
        return context;
    }

    private static async Task CheckAsync(IPage page, int width, string who)
    {
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"{who}-{width}.png"), FullPage = true });
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{who}: {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}")));
        var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scroll <= width, $"{who}: {scroll} px wide on a {width} px screen");
    }

    /// <summary>Books the Luzech shared desks for the first day ahead that takes it, through the API; the booking's id.</summary>
    private async Task<int> BookNextOpenDayAsync(string email)
    {
        using var http = new HttpClient { BaseAddress = browser.App.BaseAddress };
        var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = AppServer.DemoPassword });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var sites = await http.GetFromJsonAsync<JsonElement>("/api/v1/sites");
        var luzech = sites.EnumerateArray().Single(s => s.GetProperty("slug").GetString() == "luzech").GetProperty("id").GetInt32();
        var desks = (await http.GetFromJsonAsync<JsonElement>($"/api/v1/sites/{luzech}")).GetProperty("resources").EnumerateArray()
            .First(r => r.GetProperty("name").GetString() == "Espace partagé").GetProperty("id").GetInt32();
        // A carnet to pay by transfer (refused as a second unpaid order when the other screen width ordered it already).
        var products = await http.GetFromJsonAsync<JsonElement>($"/api/v1/sites/{luzech}/products");
        var carnet = products.EnumerateArray().First(p => p.GetProperty("kind").GetString() == "carnet").GetProperty("id").GetInt32();
        var order = await http.PostAsJsonAsync("/api/v1/me/orders", new { productId = carnet, quantity = 1, payment = "transfer" });
        Assert.True(order.StatusCode is System.Net.HttpStatusCode.Created or System.Net.HttpStatusCode.Conflict, $"order: {order.StatusCode}");
        for (var day = 1; day <= 14; day++)
        {
            var date = DateOnly.FromDateTime(DateTime.Today).AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var created = await http.PostAsJsonAsync("/api/v1/bookings", new { resourceId = desks, date, period = "day" });
            if (created.IsSuccessStatusCode)
            {
                return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            }
        }
        throw new InvalidOperationException("No day of the next two weeks took a booking at Luzech.");
    }
}
