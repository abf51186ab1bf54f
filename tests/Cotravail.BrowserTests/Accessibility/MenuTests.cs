using System.Text.Json;
using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cotravail.BrowserTests.Accessibility;

/// <summary>
/// The header on a phone (375 × 740): a single line, the brand and one « Menu » button, the page's title in view below
/// it; the button unfolds the groups, with a mouse, with the keyboard alone and without JavaScript. On a wide screen the
/// groups form a row; each person sees the groups of their roles (ADR 0046).
/// </summary>
public sealed class MenuTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Member = "membre@cotravail.test";
    private const string Host = "accueil@cotravail.test";
    private const string Manager = "gestion@cotravail.test";

    private async Task<IPage> OpenAsync(IBrowserContext context, string path, string? email = null)
    {
        if (email is not null)
        {
            await AxeSweep.SignInAsync(context, email);
        }
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);
        return page;
    }

    [Theory]
    [InlineData(null, "/agenda")]
    [InlineData(Member, "/mes-reservations")]
    [InlineData(Manager, "/gestion/factures")]
    public async Task On_a_phone_the_header_is_one_line_and_the_title_is_in_view(string? email, string path)
    {
        await using var context = await browser.NewContextAsync(375, 740);
        var page = await OpenAsync(context, path, email);
        var header = new SiteHeader(page);

        await Expect(header.MenuButton).ToBeVisibleAsync();
        await Expect(header.Link("Agenda")).ToBeHiddenAsync();
        await Expect(header.GroupButton("Réseau")).ToBeHiddenAsync();
        var banner = await header.Banner.BoundingBoxAsync();
        Assert.InRange(banner!.Height, 44, 64);
        var title = await page.Locator("main h1").First.BoundingBoxAsync();
        Assert.True(title!.Y + title.Height <= 740, $"the h1 ends at {title.Y + title.Height} px, below the screen");
        Assert.True(title.Y < 160, $"the h1 starts at {title.Y} px");
        // Nothing of the header is narrower than a finger.
        var button = await header.MenuButton.BoundingBoxAsync();
        Assert.True(button!.Height >= 44 && button.Width >= 44, $"the Menu button is {button.Width} × {button.Height}");
    }

    [Fact]
    public async Task On_a_phone_the_button_unfolds_the_menu_and_a_group_leads_to_its_page()
    {
        await using var context = await browser.NewContextAsync(375, 740);
        var page = await OpenAsync(context, "/", Member);
        var header = new SiteHeader(page);

        Assert.Equal((false, "DisclosureTriangle"), await AnnouncedAsync(page, "Menu"));
        await header.MenuButton.ClickAsync();
        Assert.Equal((true, "DisclosureTriangle"), await AnnouncedAsync(page, "Menu"));
        await Expect(header.Link("Agenda")).ToBeVisibleAsync();
        await Expect(header.Banner.GetByRole(AriaRole.Button, new() { Name = "English" })).ToBeVisibleAsync();
        await Expect(header.Link("Mes réservations")).ToBeHiddenAsync();

        await header.GroupButton("Mon espace").ClickAsync();
        foreach (var name in new[] { "Mon espace", "Réserver", "Mes réservations", "Mes inscriptions", "Ma carte", "Mes droits", "Mes factures", "Mes messages", "Mon compte" })
        {
            await Expect(header.Link(name)).ToBeVisibleAsync();
            var box = await header.Link(name).BoundingBoxAsync();
            Assert.True(box!.Height >= 44, $"« {name} » is {box.Height} px high");
        }
        await Expect(header.SignOutButton).ToBeVisibleAsync();
        // The groups take turns: opening one closes the other.
        await header.GroupButton("Réseau").ClickAsync();
        await Expect(header.Link("Mes réservations")).ToBeHiddenAsync();
        await header.Link("Annuaire").ClickAsync();
        await page.WaitForURLAsync("**/annuaire");
        await Expect(header.Link("Annuaire")).ToBeHiddenAsync();
        Assert.Equal("page", await header.Banner.Locator("a[href='/annuaire']").GetAttributeAsync("aria-current"));
    }

    [Fact]
    public async Task On_a_phone_the_keyboard_alone_opens_the_menu_reaches_its_links_and_closes_it_with_escape()
    {
        await using var context = await browser.NewContextAsync(375, 740);
        var page = await OpenAsync(context, "/agenda", Member);
        var header = new SiteHeader(page);

        await TabToAsync(page, "summary.menu-button");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.matches(':focus-visible')"));
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await SiteHeader.IsOpenAsync(header.MenuButton));
        await page.Keyboard.PressAsync("Space");
        Assert.False(await SiteHeader.IsOpenAsync(header.MenuButton));
        await page.Keyboard.PressAsync("Space");
        Assert.True(await SiteHeader.IsOpenAsync(header.MenuButton));

        // Into a group and down to one of its links.
        await TabToAsync(page, ".nav-group summary", "Mon espace");
        await page.Keyboard.PressAsync("Enter");
        await TabToAsync(page, "a[href='/mes-factures']");
        await Expect(header.Link("Mes factures")).ToBeVisibleAsync();

        // Escape closes the group, focus back on its button; again, the menu, focus back on « Menu ».
        await page.Keyboard.PressAsync("Escape");
        await Expect(header.Link("Mes factures")).ToBeHiddenAsync();
        Assert.Equal("Mon espace", (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Trim());
        await page.Keyboard.PressAsync("Escape");
        Assert.False(await SiteHeader.IsOpenAsync(header.MenuButton));
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.matches('summary.menu-button')"));

        await page.Keyboard.PressAsync("Enter");
        await TabToAsync(page, "a[href='/agenda']");
        Assert.Equal("page", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-current')"));

        // Tabbing on past the menu's end closes it: the focus is never hidden under it.
        await TabToAsync(page, "main *");
        Assert.False(await SiteHeader.IsOpenAsync(header.MenuButton));
    }

    [Fact]
    public async Task The_skip_link_shows_above_the_header_when_it_has_the_focus()
    {
        await using var context = await browser.NewContextAsync(375, 740);
        var page = await OpenAsync(context, "/");
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Aller au contenu" });
        await Expect(skip).ToBeFocusedAsync();
        var topmost = await skip.EvaluateAsync<bool>("""
            s => {
                const r = s.getBoundingClientRect();
                return r.width > 0 && document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.closest('.skip-link') === s;
            }
            """);
        Assert.True(topmost, "the header covers the skip link");
    }

    [Fact]
    public async Task On_a_phone_without_javascript_the_menu_opens_and_leads_to_sign_in_and_back()
    {
        await using var context = await browser.NewContextAsync(375, 740, javaScript: false);
        var page = await OpenAsync(context, "/");
        var header = new SiteHeader(page);

        await Expect(header.Link("Se connecter")).ToBeHiddenAsync();
        await header.MenuButton.ClickAsync();
        await header.Link("Se connecter").ClickAsync();
        await page.WaitForURLAsync("**/compte/connexion");
        await new LoginPage(page).SignInAsync(Member, AppServer.DemoPassword);
        await page.WaitForURLAsync(url => !url.Contains("/compte/connexion", StringComparison.Ordinal));

        await header.FollowAsync("Espaces", "Venir dans la vallée");
        await page.WaitForURLAsync("**/venir");
        await header.OpenGroupAsync("Mon espace");
        await header.SignOutButton.ClickAsync();
        await Expect(header.SignOutButton).ToHaveCountAsync(0);
        await header.OpenMenuAsync();
        await Expect(header.Link("Se connecter")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task On_a_wide_screen_the_groups_form_a_row_and_open_one_at_a_time()
    {
        await using var context = await browser.NewContextAsync();
        var page = await OpenAsync(context, "/agenda", Member);
        var header = new SiteHeader(page);

        await Expect(header.MenuButton).ToBeHiddenAsync();
        await Expect(header.Link("Agenda")).ToBeVisibleAsync();
        Assert.Equal("page", await header.Link("Agenda").GetAttributeAsync("aria-current"));
        Assert.Equal(1, await header.Banner.Locator("[aria-current]").CountAsync());
        var espaces = await header.GroupButton("Espaces").BoundingBoxAsync();
        var monEspace = await header.GroupButton("Mon espace").BoundingBoxAsync();
        Assert.Equal(espaces!.Y, monEspace!.Y, 1);
        var banner = await header.Banner.BoundingBoxAsync();
        Assert.True(banner!.Height <= 64, $"the header is {banner.Height} px high");

        await header.GroupButton("Réseau").ClickAsync();
        await Expect(header.Link("Offres et besoins")).ToBeVisibleAsync();
        await header.GroupButton("Mon espace").ClickAsync();
        await Expect(header.Link("Offres et besoins")).ToBeHiddenAsync();
        await Expect(header.Link("Ma carte")).ToBeVisibleAsync();
        // The list stays inside the window.
        var list = await page.Locator(".nav-group details[open] .nav-sub").BoundingBoxAsync();
        Assert.True(list!.X >= 0 && list.X + list.Width <= 1280, $"the list spans {list.X} to {list.X + list.Width}");
        await page.Keyboard.PressAsync("Escape");
        await Expect(header.Link("Ma carte")).ToBeHiddenAsync();

        // A click elsewhere closes a group.
        await header.GroupButton("Espaces").ClickAsync();
        await Expect(header.Link("Les espaces")).ToBeVisibleAsync();
        await page.Locator("main h1").ClickAsync();
        await Expect(header.Link("Les espaces")).ToBeHiddenAsync();
    }

    public static TheoryData<string?, string[], string[]> Roles => new()
    {
        { null, ["Espaces", "Réseau"], [] },
        { Member, ["Espaces", "Réseau", "Mon espace"], [] },
        { Host, ["Espaces", "Réseau", "Mon espace", "Gestion"], ["Accueil du jour", "Animation"] },
        {
            Manager, ["Espaces", "Réseau", "Mon espace", "Gestion"],
            ["Accueil du jour", "Animation", "Espaces", "Factures", "Enquêtes", "Observatoire", "Rapports d'activité", "Signalements", "Nouveaux arrivants", "Journal d'audit"]
        },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_person_sees_the_groups_of_their_roles(string? email, string[] groups, string[] management)
    {
        await using var context = await browser.NewContextAsync();
        var page = await OpenAsync(context, "/", email);
        var header = new SiteHeader(page);

        Assert.Equal(groups, await header.GroupNamesAsync());
        await Expect(header.Link("Agenda")).ToBeVisibleAsync();
        await header.OpenGroupAsync("Réseau");
        foreach (var name in new[] { "Annuaire", "Offres et besoins", "Coups de main", "Observatoire public" })
        {
            await Expect(header.Link(name)).ToBeVisibleAsync();
        }
        if (email is null)
        {
            await Expect(header.Link("Se connecter")).ToBeVisibleAsync();
            await Expect(header.Link("Créer un compte")).ToBeVisibleAsync();
            await Expect(header.SignOutButton).ToHaveCountAsync(0);
            return;
        }
        await Expect(header.Link("Se connecter")).ToHaveCountAsync(0);
        if (management.Length > 0)
        {
            await header.OpenGroupAsync("Gestion");
            var links = await header.GroupButton("Gestion").Locator("xpath=..").Locator(".nav-sub a").AllInnerTextsAsync();
            Assert.Equal(management, links.Select(l => l.Trim()));
        }
    }

    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/> (and holds <paramref name="text"/>).</summary>
    private static async Task TabToAsync(IPage page, string selector, string? text = null)
    {
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>(
                    "([s, t]) => !!document.activeElement && document.activeElement.matches(s) && (t === null || document.activeElement.textContent.trim() === t)",
                    new object?[] { selector, text }))
            {
                return;
            }
        }
        Assert.Fail($"Tab never reached {selector} {text} on {page.Url}");
    }

    /// <summary>What Chromium tells a screen reader of the element named <paramref name="name"/>: expanded or not, and its role.</summary>
    private static async Task<(bool Expanded, string Role)> AnnouncedAsync(IPage page, string name)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var document = (await cdp.SendAsync("DOM.getDocument"))!.Value;
        var result = (await cdp.SendAsync("Accessibility.queryAXTree", new()
        {
            ["nodeId"] = document.GetProperty("root").GetProperty("nodeId").GetInt32(),
            ["accessibleName"] = name,
        }))!.Value;
        var node = result.GetProperty("nodes").EnumerateArray().First(n => !n.GetProperty("ignored").GetBoolean()
            && n.GetProperty("role").GetProperty("value").GetString() is not ("StaticText" or "InlineTextBox"));
        var expanded = node.TryGetProperty("properties", out var properties)
            && properties.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "expanded"
                && p.GetProperty("value").GetProperty("value").GetBoolean());
        await cdp.DetachAsync();
        return (expanded, node.GetProperty("role").GetProperty("value").GetString()!);
    }
}
