using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Access.Wifi;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Access.Wifi;

/// <summary>The site's Wi-Fi page for managers, the member's code on « Ma carte », the guests' code for the event's staff.</summary>
public sealed class WifiPagesTests
{
    [Fact]
    public async Task A_manager_sets_the_sites_nas_identifier_and_bad_input_changes_nothing()
    {
        await using var app = await TestApp.StartAsync(settings: WifiWorld.Settings);
        var world = await WifiWorld.CreateAsync(app);
        using var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var url = $"/gestion/espaces/{world.Luzech}/wifi";

        var page = await manager.GetDocumentAsync(url);
        Assert.Equal("nas-luzech", page.QuerySelector("input[name=NasIdentifier]")?.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector($"nav.subnav a[href='{url}'][aria-current=page]"));

        foreach (var (bad, message) in new[] { ("", "Indiquez le NAS-Identifier"), ("avec espace", "sans espace"), (new string('a', 65), "au plus 64"), ("nas-prayssac", "déjà celui d'un autre espace") })
        {
            var refused = await manager.SubmitFormAsync(url, new Dictionary<string, string> { ["NasIdentifier"] = bad });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(message, (await refused.ParseAsync()).Body!.TextContent, StringComparison.Ordinal);
        }
        Assert.Equal("nas-luzech", await app.WithDbAsync(db => db.WifiSites().Where(w => w.SiteId == world.Luzech).Select(w => w.NasIdentifier).SingleAsync()));

        var saved = await manager.SubmitFormAsync(url, new Dictionary<string, string> { ["NasIdentifier"] = " luzech-bornes " });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("luzech-bornes", await app.WithDbAsync(db => db.WifiSites().Where(w => w.SiteId == world.Luzech).Select(w => w.NasIdentifier).SingleAsync()));
    }

    [Fact]
    public async Task Another_networks_manager_cannot_see_or_change_the_sites_wifi()
    {
        await using var app = await TestApp.StartAsync(settings: WifiWorld.Settings);
        var world = await WifiWorld.CreateAsync(app);
        using var other = app.Browser();
        await other.SignInAsync("gestion@causse.test");

        var response = await other.GetAsync(new Uri($"/gestion/espaces/{world.Luzech}/wifi", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("nas-luzech", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await other.GetDocumentAsync($"/gestion/espaces/{world.Lalbenque}/wifi");
    }

    [Fact]
    public async Task The_member_reads_the_code_on_the_card_and_a_new_code_replaces_the_old_one()
    {
        await using var app = await TestApp.StartAsync(settings: WifiWorld.Settings);
        var world = await WifiWorld.CreateAsync(app);
        using var member = app.Browser();
        await member.SignInAsync(WifiWorld.Booked);

        var card = await member.GetDocumentAsync("/ma-carte");
        var code = await world.CodeOfAsync(WifiWorld.Booked);
        Assert.Contains(code, card.QuerySelector(".card-section")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains(WifiWorld.Booked, card.QuerySelector(".card-section")?.TextContent ?? "", StringComparison.Ordinal);

        var renewed = await member.SubmitFormAsync("/ma-carte/wifi", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, renewed.StatusCode);
        var page = await member.GetDocumentAsync("/ma-carte/wifi");
        var fresh = page.QuerySelector("#wifi-code").Text();
        Assert.NotEqual(code, fresh);
        Assert.Equal(fresh, await world.CodeOfAsync(WifiWorld.Booked));
        Assert.Equal(fresh, (await member.GetDocumentAsync("/ma-carte")).QuerySelectorAll(".card-section .access-code").Select(e => e.Text()).Last());
    }

    [Fact]
    public async Task The_events_staff_read_the_guests_code_on_the_participants_page()
    {
        await using var app = await TestApp.StartAsync(settings: WifiWorld.Settings);
        var world = await WifiWorld.CreateAsync(app);
        using var host = app.Browser();
        await host.SignInAsync(TestApp.ManagerEmail);

        var page = await host.GetDocumentAsync($"/animation/{world.EventId}/participants");
        var section = page.QuerySelector(".event-wifi")?.TextContent ?? "";
        Assert.Contains(WifiRules.GuestLogin(world.EventId), section, StringComparison.Ordinal);
        Assert.Contains(await world.GuestCodeAsync(), section, StringComparison.Ordinal);
        Assert.Contains("13\u00a0h\u00a030", section, StringComparison.Ordinal);
        Assert.Contains("16\u00a0h\u00a000", section, StringComparison.Ordinal);
    }
}

/// <summary>The rules of codes, without I/O.</summary>
public sealed class WifiRulesTests
{
    [Fact]
    public void A_code_is_typed_with_or_without_its_dash_in_any_case()
    {
        var code = WifiRules.NewCode();
        Assert.Matches("^[a-z2-9]{4}-[a-z2-9]{4}$", code);
        Assert.True(WifiRules.Matches(code, code.ToUpperInvariant().Replace("-", "", StringComparison.Ordinal)));
        Assert.False(WifiRules.Matches(code, code[..^1]));
        Assert.False(WifiRules.Matches(code, null));
    }

    [Fact]
    public void Guests_connect_from_half_an_hour_before_the_event_to_its_end()
    {
        var start = new DateTime(2026, 12, 1, 13, 0, 0, DateTimeKind.Utc);
        var end = start.AddHours(2);
        Assert.False(WifiRules.GuestWindowOpen(start.AddMinutes(-31), start, end));
        Assert.True(WifiRules.GuestWindowOpen(start.AddMinutes(-30), start, end));
        Assert.True(WifiRules.GuestWindowOpen(end.AddMinutes(-1), start, end));
        Assert.False(WifiRules.GuestWindowOpen(end, start, end));
        Assert.Equal(42, WifiRules.GuestEvent(WifiRules.GuestLogin(42)));
        Assert.Null(WifiRules.GuestEvent("invite-abc"));
        Assert.Null(WifiRules.GuestEvent("invite--1"));
        var secret = WifiRules.NewSecret();
        Assert.Equal(WifiRules.GuestCode(secret, 42, start), WifiRules.GuestCode(secret, 42, start));
        Assert.NotEqual(WifiRules.GuestCode(secret, 42, start), WifiRules.GuestCode(secret, 42, start.AddDays(1)));
    }
}
