using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Sites;
using Cotravail.Web.Features.Access.Doors;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Access.Doors;

/// <summary>What members, hosts and managers see of door codes: the card, the confirmation, the code of the day, the settings page.</summary>
public sealed class DoorCodesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_booking_gets_its_code_in_the_confirmation_and_on_the_card_during_its_day_and_loses_it_when_cancelled(string provider)
    {
        await using var app = await DoorSteps.StartAsync(provider);
        var luzech = await app.SiteIdAsync("luzech");
        await app.ConfigureDoorsAsync(luzech, DoorMode.PersonalCodes);
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await app.ResourceIdAsync("luzech", "Espace partagé");
        // A desk for the day (on PostgreSQL, the one-statement insert) and a room in the afternoon.
        var desk = await member.BookAsync(new { resourceId = desks, date = "2026-12-01", period = "day" });
        var room = await member.BookAsync(new { resourceId = await app.ResourceIdAsync("luzech", "Salle du Barrage"), start = "2026-12-01T14:00", end = "2026-12-01T15:00" });
        var deskCode = await app.CodeAsync(luzech, GrantKind.Booking, desk);
        var roomCode = await app.CodeAsync(luzech, GrantKind.Booking, room);
        Assert.NotEqual(deskCode, roomCode);

        var mails = app.Mails().Where(m => (m.Subject ?? "").StartsWith("Réservation confirmée", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, mails.Count);
        Assert.Contains($"Code de la porte : {DoorCodeRules.Spaced(deskCode)}", mails[0].TextBody, StringComparison.Ordinal);
        Assert.Contains($"Code de la porte : {DoorCodeRules.Spaced(roomCode)} (valable le mardi 1er décembre 2026 entre 14\u00a0h\u00a000 et 15\u00a0h\u00a000",
            mails[1].TextBody, StringComparison.Ordinal);

        var browser = app.Browser();
        await browser.SignInAsync(TestApp.MemberEmail);
        var card = await browser.CardDoorCodesAsync();
        Assert.Equal([deskCode, roomCode], card.Select(c => c.Code));
        Assert.Contains("Salle du Barrage", card[1].Line, StringComparison.Ordinal);
        Assert.Contains("entre 14 h 00 et 15 h 00", card[1].Line, StringComparison.Ordinal); // no-break spaces read as spaces

        // Another member sees none of them.
        var other = await app.CreateUserAsync("voisine@exemple.test");
        var neighbour = app.Browser();
        await neighbour.SignInAsync(other.Email!);
        Assert.Empty(await neighbour.CardDoorCodesAsync());

        // Cancelled: gone from the card at once.
        await member.CancelAsync(room);
        Assert.Equal([deskCode], (await browser.CardDoorCodesAsync()).Select(c => c.Code));

        // Once the day's booking is over, nothing is left to show.
        var end = await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == desk).Select(b => b.EndUtc).SingleAsync());
        app.Clock.SetUtcNow(new DateTimeOffset(end.AddMinutes(-1), TimeSpan.Zero));
        Assert.Single(await browser.CardDoorCodesAsync());
        app.Clock.SetUtcNow(new DateTimeOffset(end, TimeSpan.Zero));
        Assert.Empty(await browser.CardDoorCodesAsync());
    }

    [Fact]
    public async Task A_booking_for_another_day_is_not_on_todays_card_and_a_site_without_codes_shows_none()
    {
        await using var app = await DoorSteps.StartAsync();
        var luzech = await app.SiteIdAsync("luzech");
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await app.ResourceIdAsync("luzech", "Espace partagé");
        await member.BookAsync(new { resourceId = desks, date = "2026-12-01", period = "morning" });
        var browser = app.Browser();
        await browser.SignInAsync(TestApp.MemberEmail);
        Assert.Empty(await browser.CardDoorCodesAsync());
        Assert.DoesNotContain("Code de la porte", app.Mails().Single(m => (m.Subject ?? "").StartsWith("Réservation confirmée", StringComparison.Ordinal)).TextBody, StringComparison.Ordinal);

        await app.ConfigureDoorsAsync(luzech, DoorMode.PersonalCodes);
        var thursday = await member.BookAsync(new { resourceId = desks, date = "2026-12-03", period = "morning" });
        Assert.Single(await browser.CardDoorCodesAsync());
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 6, 0, 0, TimeSpan.Zero));
        Assert.Equal([await app.CodeAsync(luzech, GrantKind.Booking, thursday)], (await browser.CardDoorCodesAsync()).Select(c => c.Code));
    }

    [Fact]
    public async Task A_carnet_gives_a_code_for_the_opening_hours_of_the_days_it_may_be_used_at_the_sites_of_its_network_only()
    {
        await using var app = await DoorSteps.StartAsync();
        var luzech = await app.SiteIdAsync("luzech");
        await app.ConfigureDoorsAsync(luzech, DoorMode.PersonalCodes);
        var (_, lalbenque, _) = await app.CreateOtherNetworkAsync();
        await app.ConfigureDoorsAsync(lalbenque.Id, DoorMode.PersonalCodes);
        var user = await app.CreateUserAsync("carnet@exemple.test");
        var carnet = await SiteChangeWorld.GiveCarnetAsync(app, user.Id, luzech);
        var browser = app.Browser();
        await browser.SignInAsync(user.Email!);

        var card = await browser.CardDoorCodesAsync();
        var code = Assert.Single(card);
        Assert.Equal(await app.CodeAsync(luzech, GrantKind.Entitlement, carnet), code.Code);
        Assert.Contains("Tiers-lieu de Luzech", code.Line, StringComparison.Ordinal);
        Assert.DoesNotContain("Lalbenque", code.Line, StringComparison.Ordinal);

        // Every day used: no code any more.
        await app.WithDbAsync(async db => await db.Entitlements.Where(e => e.Id == carnet).ExecuteUpdateAsync(u => u.SetProperty(e => e.Used, 10)));
        Assert.Empty(await browser.CardDoorCodesAsync());
    }

    [Fact]
    public async Task The_hosts_read_the_code_of_the_day_which_changes_at_local_midnight_and_hosts_of_other_sites_cannot()
    {
        await using var app = await DoorSteps.StartAsync();
        var luzech = await app.SiteIdAsync("luzech");
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);
        var none = await host.GetDocumentAsync("/accueil/luzech/code-porte");
        Assert.Contains("n'a pas de code de porte", none.QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.NotNull((await host.GetDocumentAsync("/accueil/luzech")).QuerySelector("a[href='/accueil/luzech/code-porte']"));

        await app.ConfigureDoorsAsync(luzech, DoorMode.DailyCode);
        var today = await host.GetDocumentAsync("/accueil/luzech/code-porte");
        var code = today.QuerySelector("#daily-code").Text().Replace(" ", "", StringComparison.Ordinal);
        Assert.Equal(await app.CodeAsync(luzech, GrantKind.Daily, new DateOnly(2026, 12, 1).DayNumber), code);
        var tomorrow = today.QuerySelector("#tomorrow-code").Text().Replace(" ", "", StringComparison.Ordinal);
        Assert.NotEqual(code, tomorrow);

        // 23:59 in Paris: still today's; midnight: tomorrow's.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 22, 59, 0, TimeSpan.Zero));
        Assert.Equal(code, (await host.GetDocumentAsync("/accueil/luzech/code-porte")).QuerySelector("#daily-code").Text().Replace(" ", "", StringComparison.Ordinal));
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.Zero));
        Assert.Equal(tomorrow, (await host.GetDocumentAsync("/accueil/luzech/code-porte")).QuerySelector("#daily-code").Text().Replace(" ", "", StringComparison.Ordinal));

        // Members have no code of the day on their card; another network's manager is refused.
        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);
        Assert.Empty(await member.CardDoorCodesAsync());
        var (_, _, otherManager) = await app.CreateOtherNetworkAsync();
        var stranger = app.Browser();
        await stranger.SignInAsync(otherManager.Email!);
        var refused = await stranger.GetAsync(new Uri("/accueil/luzech/code-porte", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task The_manager_sets_the_access_the_secret_is_never_shown_back_and_bad_input_changes_nothing()
    {
        await using var app = await DoorSteps.StartAsync();
        var luzech = await app.SiteIdAsync("luzech");
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var url = $"/gestion/espaces/{luzech}/acces";
        Assert.NotNull((await manager.GetDocumentAsync($"/gestion/espaces/{luzech}")).QuerySelector($"a[href='{url}']"));

        async Task<AngleSharp.Dom.IDocument> RefusedAsync(Dictionary<string, string> fields, string field, string message)
        {
            var response = await manager.SubmitFormAsync(url, fields, "#door-access");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await response.ParseAsync();
            Assert.Contains(message, page.QuerySelector($"#{field}-error")?.Text() ?? page.QuerySelector("main").Text(), StringComparison.Ordinal);
            return page;
        }

        await RefusedAsync(new() { ["Input.Mode"] = "PersonalCodes", ["Input.Lock"] = "Nuki", ["Input.LockUrl"] = "ftp://serrure", ["Input.NukiSmartlockId"] = "17", ["Input.LockSecret"] = FakeLocks.NukiToken },
            "Input_LockUrl", "doit être une adresse https://");
        await RefusedAsync(new() { ["Input.Mode"] = "PersonalCodes", ["Input.Lock"] = "Nuki", ["Input.LockUrl"] = "https://api.nuki.io", ["Input.LockSecret"] = FakeLocks.NukiToken },
            "Input_NukiSmartlockId", "Indiquez l'identifiant de la serrure Nuki");
        await RefusedAsync(new() { ["Input.Mode"] = "PersonalCodes", ["Input.Lock"] = "Webhook", ["Input.LockUrl"] = "https://portier.exemple.test/codes" },
            "Input_LockSecret", "Indiquez le jeton");
        await RefusedAsync(new() { ["Input.Mode"] = "7", ["Input.Lock"] = "None" }, "Input_Mode", "n'est pas valide");
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<SiteDoorAccess>().CountAsync()));

        var saved = await manager.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Mode"] = "PersonalCodes", ["Input.Lock"] = "Webhook", ["Input.LockUrl"] = "https://portier.exemple.test/codes", ["Input.LockSecret"] = FakeLocks.HookSecret,
        }, "#door-access");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await manager.GetDocumentAsync(url);
        Assert.Contains("est enregistré", page.QuerySelector("[role=status]").Text(), StringComparison.Ordinal);
        Assert.DoesNotContain(FakeLocks.HookSecret, page.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#secret-stored"));
        var row = await app.WithDbAsync(db => db.Set<SiteDoorAccess>().SingleAsync());
        Assert.Equal((DoorMode.PersonalCodes, LockKind.Webhook), (row.Mode, row.Lock));
        Assert.DoesNotContain(FakeLocks.HookSecret, row.LockSecretProtected!, StringComparison.Ordinal);

        // Saved again without the secret: the stored one stays.
        await manager.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Mode"] = "DailyCode", ["Input.Lock"] = "Webhook", ["Input.LockUrl"] = "https://portier.exemple.test/codes",
        }, "#door-access");
        var again = await app.WithDbAsync(db => db.Set<SiteDoorAccess>().AsNoTracking().SingleAsync());
        Assert.Equal(DoorMode.DailyCode, again.Mode);
        Assert.Equal(row.LockSecretProtected, again.LockSecretProtected);
        Assert.Equal(row.CodeKeyProtected, again.CodeKeyProtected);

        // Another network's manager: refused.
        var (_, _, otherManager) = await app.CreateOtherNetworkAsync();
        var stranger = app.Browser();
        await stranger.SignInAsync(otherManager.Email!);
        Assert.NotEqual(HttpStatusCode.OK, (await stranger.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
    }
}
