using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Pages;

/// <summary>
/// The banner at the top of every page. On a phone its links are folded behind one « Menu » button; on a wide screen
/// they form a row of groups (Espaces, Réseau, Mon espace, Gestion), each opening its own list (ADR 0046).
/// </summary>
public sealed class SiteHeader(IPage page)
{
    public ILocator Banner => page.GetByRole(AriaRole.Banner);

    /// <summary>The button that folds the menu on a phone (a &lt;summary&gt;); hidden on a wide screen.</summary>
    public ILocator MenuButton => Banner.Locator("summary.menu-button");

    /// <summary>The button that opens one group of links, by its name.</summary>
    public ILocator GroupButton(string name) =>
        Banner.Locator(".nav-group summary").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(name)}\\s*$") });

    /// <summary>The names of the groups offered, in order.</summary>
    public async Task<IReadOnlyList<string>> GroupNamesAsync() =>
        [.. (await Banner.Locator(".nav-group summary").AllInnerTextsAsync()).Select(t => t.Trim())];

    public ILocator Link(string name) => Banner.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public ILocator SignOutButton => Banner.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter", Exact = true });

    /// <summary>Unfolds the menu when it is folded behind its button (a phone); does nothing on a wide screen.</summary>
    public async Task OpenMenuAsync()
    {
        if (await MenuButton.IsVisibleAsync() && !await IsOpenAsync(MenuButton))
        {
            await MenuButton.ClickAsync();
        }
    }

    /// <summary>Unfolds the menu if need be, then opens the group <paramref name="name"/>.</summary>
    public async Task OpenGroupAsync(string name)
    {
        await OpenMenuAsync();
        var button = GroupButton(name);
        if (!await IsOpenAsync(button))
        {
            await button.ClickAsync();
        }
    }

    /// <summary>Opens the group holding the link, then follows it.</summary>
    public async Task FollowAsync(string group, string link)
    {
        await OpenGroupAsync(group);
        await Link(link).ClickAsync();
    }

    /// <summary>Whether the &lt;details&gt; of this &lt;summary&gt; is open.</summary>
    public static Task<bool> IsOpenAsync(ILocator summary) => summary.EvaluateAsync<bool>("s => s.parentElement.open");
}
