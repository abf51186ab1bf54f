using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Offline;

/// <summary>The private feed's page (copy button, subscriptions) and an event's « Ajouter à mon agenda », on a phone and a desktop.</summary>
public sealed class CopyAndCalendarTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string Shots = Path.Combine(Path.GetTempPath(), "cotravail-screenshots");

    [Fact]
    public async Task The_copy_button_puts_the_feed_address_in_the_clipboard_and_says_so()
    {
        await using var context = await browser.NewContextAsync();
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await context.NewPageAsync();
        await (await LoginPage.OpenAsync(page)).SignInAsync("membre@cotravail.test", AppServer.DemoPassword);
        await page.WaitForURLAsync(url => !url.Contains("/compte/connexion", StringComparison.Ordinal));
        await page.OpenAsync("/mes-reservations/calendrier");

        var address = await page.GetByLabel("Adresse de mon agenda").InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Copier l'adresse de mon agenda" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Adresse copiée" })).ToBeVisibleAsync();
        Assert.Equal(address, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        Assert.StartsWith("webcal://", await page.GetByRole(AriaRole.Link, new() { Name = "Apple / autre (webcal)" }).GetAttributeAsync("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_javascript_the_address_stays_there_to_select_and_no_dead_button_shows()
    {
        await using var context = await browser.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await (await LoginPage.OpenAsync(page)).SignInAsync("membre@cotravail.test", AppServer.DemoPassword);
        await page.WaitForURLAsync(url => !url.Contains("/compte/connexion", StringComparison.Ordinal));
        await page.OpenAsync("/mes-reservations/calendrier");
        Assert.False(await page.Locator("button[data-copy]").IsVisibleAsync());
        var field = page.GetByLabel("Adresse de mon agenda");
        Assert.Equal("", await field.GetAttributeAsync("readonly"));
        Assert.EndsWith(".ics", await field.InputValueAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(375, 740)]
    [InlineData(1280, 800)]
    public async Task The_calendar_page_and_an_event_page_fit_the_screen(int width, int height)
    {
        var eventId = await ComingEventAsync();
        await using var context = await browser.NewContextAsync(width, height);
        var page = await context.NewPageAsync();
        await (await LoginPage.OpenAsync(page)).SignInAsync("membre@cotravail.test", AppServer.DemoPassword);
        await page.WaitForURLAsync(url => !url.Contains("/compte/connexion", StringComparison.Ordinal));
        Directory.CreateDirectory(Shots);

        await page.OpenAsync("/mes-reservations/calendrier");
        await NoSideScrollAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"calendrier-{width}.png"), FullPage = true });

        await page.OpenAsync($"/agenda/{eventId}");
        var add = page.Locator("details.add-to-calendar");
        await add.Locator("summary").ClickAsync();
        await Assertions.Expect(add.GetByRole(AriaRole.Link, new() { Name = "Google Agenda" })).ToBeVisibleAsync();
        await NoSideScrollAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"evenement-{width}.png"), FullPage = true });
    }

    private static async Task NoSideScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{page.Url} scrolls sideways");

    /// <summary>An event in ten days at Luzech (the browser tests' demo has no activity of its own).</summary>
    private async Task<int> ComingEventAsync()
    {
        using var scope = browser.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        const string title = "Atelier : réparer son vélo et bien régler sa lampe avant l'hiver";
        if (await db.Events.Where(e => e.Title == title).Select(e => (int?)e.Id).FirstOrDefaultAsync() is { } id)
        {
            return id;
        }
        var site = await db.Sites.SingleAsync(s => s.Slug == "luzech");
        var by = await db.Users.Where(u => u.Email == "accueil@cotravail.test").Select(u => u.Id).SingleAsync();
        var start = DateTime.UtcNow.Date.AddDays(10).AddHours(17);
        var e = new Event
        {
            SiteId = site.Id, Kind = EventKind.Workshop, Title = title, Description = "Apportez **votre vélo** : nous avons les outils.",
            StartUtc = start, EndUtc = start.AddHours(2), Capacity = 12, Audience = EventAudience.Public, OrganiserKind = OrganiserKind.Host,
            OrganiserName = site.Name, Status = EventStatus.Published, CreatedByUserId = by, CreatedAtUtc = DateTime.UtcNow,
        };
        db.Events.Add(e);
        await db.SaveChangesAsync();
        return e.Id;
    }
}
