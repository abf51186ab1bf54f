using Cotravail.BrowserTests.Accessibility;
using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Reception;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cotravail.BrowserTests.Observatory;

/// <summary>
/// The observatory at a glance (ADR 0052) in a real browser: at 1280 px the page fits in a few screens with its sections
/// closed (the first one open as it comes), each section opens from its heading, axe finds nothing with them all open.
/// </summary>
public sealed class ObservatoryGlanceTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>The most the page may measure at 1280 px, sections closed but the first.</summary>
    private const int MaxHeight = 3_000;

    private static readonly string Shots = Path.Combine(Path.GetTempPath(), "cotravail-screenshots", "observatoire");

    private static Task<int> HeightAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");

    [Theory]
    [InlineData("/observatoire", null)]
    [InlineData("/gestion/observatoire", "gestion@cotravail.test")]
    public async Task The_page_fits_in_a_few_screens_and_its_sections_open_from_their_headings(string path, string? email)
    {
        await VisitsAsync();
        await using var context = await browser.NewContextAsync(1280, 800);
        if (email is not null)
        {
            await AxeSweep.SignInAsync(context, email);
        }
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);

        await Expect(page.Locator("#chiffres-cles")).ToContainTextAsync("Vallée du Lot et du Vignoble");
        await Expect(page.Locator("#tableau-mois tbody tr.in-progress th")).ToContainTextAsync("(en cours)");
        var sections = page.Locator("section.glance-section > details");
        var count = await sections.CountAsync();
        Assert.True(count >= 4, $"{count} sections");
        await Expect(sections.First).ToHaveAttributeAsync("open", "");
        var asItComes = await HeightAsync(page);
        Assert.True(asItComes <= MaxHeight, $"{path}: {asItComes} px at 1280 px as the page comes");

        await sections.First.Locator("> summary").ClickAsync();
        await Expect(sections.First).Not.ToHaveAttributeAsync("open", "");
        var closed = await HeightAsync(page);
        Assert.True(closed < asItComes, $"{path}: {closed} px closed, {asItComes} px with the first section open");

        // Each section opens from its heading (a click, or Enter on the keyboard) and shows a table.
        for (var i = 0; i < count; i++)
        {
            var section = sections.Nth(i);
            var summary = section.Locator("> summary");
            await Expect(summary.Locator("h2")).ToBeVisibleAsync();
            if (i % 2 == 0)
            {
                await summary.ClickAsync();
            }
            else
            {
                await summary.FocusAsync();
                await page.Keyboard.PressAsync("Enter");
            }
            await Expect(section).ToHaveAttributeAsync("open", "");
            if (email is not null)
            {
                // Managers see the small counts too: every section has something to show.
                await Expect(section.Locator("table").First).ToBeAttachedAsync();
            }
            else
            {
                // In public a section may have nothing above 4 to show: it says so.
                await Expect(section.Locator("table, p").First).ToBeVisibleAsync();
            }
        }
        var open = await HeightAsync(page);
        Assert.True(open > closed, $"{path}: {open} px open");

        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}")));
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"{(email is null ? "public" : "gestion")}-1280-ouvert.png"), FullPage = true });
        Console.WriteLine($"{path} at 1280 px: {asItComes} px as it comes, {closed} px closed, {open} px open");
    }

    /// <summary>
    /// Twelve visits at Luzech yesterday, from Luzech and from Cahors (the browser tests' demo has no activity of its own):
    /// the origins have something to show, also in public where figures under 5 are hidden.
    /// </summary>
    private async Task VisitsAsync()
    {
        using var scope = browser.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Visits.AnyAsync())
        {
            return;
        }
        var site = await db.Sites.SingleAsync(s => s.Slug == "luzech");
        var day = DateTime.UtcNow.Date.DayOfYear == 1 ? DateTime.UtcNow.Date : DateTime.UtcNow.Date.AddDays(-1); // within the default period
        for (var i = 0; i < 12; i++)
        {
            var (postcode, insee) = i % 2 == 0 ? ("46140", "46182") : ("46000", "46042");
            var visitor = new Cotravail.Web.Features.Reception.Visitor { FirstName = "Personne", LastName = $"Venue {i}", SearchKey = $"personne venue {i}", Postcode = postcode, CommuneInsee = insee, CreatedAtUtc = day };
            db.Add(new Visit { SiteId = site.Id, Visitor = visitor, Date = DateOnly.FromDateTime(day), ArrivedAtUtc = day.AddHours(9 + i % 8), Postcode = postcode, CommuneInsee = insee, Pass = "Journée" });
        }
        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData(375, 740)]
    [InlineData(1280, 800)]
    public async Task Screenshots_of_the_public_and_managers_pages(int width, int height)
    {
        Directory.CreateDirectory(Shots);
        foreach (var (path, email, name) in new[] { ("/observatoire", (string?)null, "public"), ("/gestion/observatoire", "gestion@cotravail.test", "gestion") })
        {
            await using var context = await browser.NewContextAsync(width, height);
            if (email is not null)
            {
                await AxeSweep.SignInAsync(context, email);
            }
            var page = await context.NewPageAsync();
            await page.OpenAsync(path);
            var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scroll <= width, $"{path} is {scroll} px wide at {width} px");
            var result = await page.RunAxe();
            Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{path}: {v.Id}: {v.Help}")));
            await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"{name}-{width}.png"), FullPage = true });
        }
    }
}
