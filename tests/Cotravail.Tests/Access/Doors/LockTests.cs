using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Access.Doors;
using Cotravail.Web.Features.Sites;

namespace Cotravail.Tests.Access.Doors;

/// <summary>The codes on the locks: the Nuki Web API and the signed webhook, against local fakes; retries; two networks kept apart.</summary>
public sealed class LockTests
{
    private const long Smartlock = 17_000_042;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_booking_is_given_to_the_Nuki_lock_for_its_slot_only_and_taken_back_when_cancelled(string provider)
    {
        await using var app = await DoorSteps.StartAsync(provider);
        await using var locks = await FakeLocks.StartAsync(app.Clock);
        var luzech = await app.SiteIdAsync("luzech");
        await app.ConfigureDoorsAsync(luzech, DoorMode.PersonalCodes, LockKind.Nuki, locks.NukiUrl, Smartlock, FakeLocks.NukiToken);
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var room = await member.BookAsync(new { resourceId = await app.ResourceIdAsync("luzech", "Salle du Barrage"), start = "2026-12-01T14:00", end = "2026-12-01T15:30" });

        Assert.Equal(1, await app.SyncDoorsAsync());
        var auth = Assert.Single(locks.AuthsOf(Smartlock));
        Assert.Equal(await app.CodeAsync(luzech, GrantKind.Booking, room), auth.Text("code"));
        Assert.Equal("13", auth.Text("type"));
        Assert.Equal("2026-12-01T13:00:00.000Z", auth.Text("allowedFromDate"));
        Assert.Equal("2026-12-01T14:30:00.000Z", auth.Text("allowedUntilDate"));
        var grant = Assert.Single(await app.GrantsAsync(luzech));
        Assert.Equal(GrantState.Granted, grant.State);

        // Nothing new: nothing sent twice.
        Assert.Equal(0, await app.SyncDoorsAsync());
        Assert.Single(locks.AuthsOf(Smartlock));

        await member.CancelAsync(room);
        Assert.Equal(1, await app.SyncDoorsAsync());
        Assert.Empty(locks.AuthsOf(Smartlock));
        Assert.Equal(GrantState.Withdrawn, Assert.Single(await app.GrantsAsync(luzech)).State);
    }

    [Fact]
    public async Task A_lock_that_answers_503_or_never_answers_is_tried_again_later_and_the_member_still_sees_the_code()
    {
        await using var app = await DoorSteps.StartAsync();
        await using var locks = await FakeLocks.StartAsync(app.Clock);
        var luzech = await app.SiteIdAsync("luzech");
        await app.ConfigureDoorsAsync(luzech, DoorMode.PersonalCodes, LockKind.Nuki, locks.NukiUrl, Smartlock, FakeLocks.NukiToken);
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desk = await member.BookAsync(new { resourceId = await app.ResourceIdAsync("luzech", "Espace partagé"), date = "2026-12-01", period = "day" });
        var code = await app.CodeAsync(luzech, GrantKind.Booking, desk);

        locks.FailNext(1, 503);
        Assert.Equal(0, await app.SyncDoorsAsync());
        var failed = Assert.Single(await app.GrantsAsync(luzech));
        Assert.Equal((GrantState.Pending, 1), (failed.State, failed.Attempts));
        Assert.NotNull(failed.LastError); // « HTTP 503 » (or « délai dépassé » on a machine slower than the timeout)
        Assert.Empty(locks.AuthsOf(Smartlock));
        var browser = app.Browser();
        await browser.SignInAsync(TestApp.MemberEmail);
        Assert.Equal([code], (await browser.CardDoorCodesAsync()).Select(c => c.Code));
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        Assert.Contains(failed.LastError!, (await manager.GetDocumentAsync($"/gestion/espaces/{luzech}/acces")).QuerySelector("#door-lock-status").Text(), StringComparison.Ordinal);

        // Not before its delay; then the lock is slow beyond the timeout: tried again, never two authorizations.
        Assert.Equal(0, await app.SyncDoorsAsync());
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        locks.StallNext(1);
        Assert.Equal(0, await app.SyncDoorsAsync());
        var slow = Assert.Single(await app.GrantsAsync(luzech));
        Assert.Equal((GrantState.Pending, 2, "délai dépassé"), (slow.State, slow.Attempts, slow.LastError));

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await app.SyncDoorsAsync());
        Assert.Equal(code, Assert.Single(locks.AuthsOf(Smartlock)).Text("code"));
        Assert.Equal(GrantState.Granted, Assert.Single(await app.GrantsAsync(luzech)).State);
    }

    [Fact]
    public async Task The_webhook_lock_receives_signed_grants_and_withdrawals_and_each_network_only_its_own_sites_codes()
    {
        await using var app = await DoorSteps.StartAsync();
        await using var locks = await FakeLocks.StartAsync(app.Clock);
        var luzech = await app.SiteIdAsync("luzech");
        await app.ConfigureDoorsAsync(luzech, DoorMode.PersonalCodes, LockKind.Webhook, locks.HookUrl("a"), secret: FakeLocks.HookSecret);
        var (_, lalbenque, _) = await app.CreateOtherNetworkAsync();
        await app.WithDbAsync(async db =>
        {
            db.OpeningHours.AddRange(Enum.GetValues<DayOfWeek>().Select(d => new OpeningHours { SiteId = lalbenque.Id, Day = d, Opens = new(8, 0), Closes = new(19, 0) }));
            return await db.SaveChangesAsync();
        });
        await app.ConfigureDoorsAsync(lalbenque.Id, DoorMode.PersonalCodes, LockKind.Webhook, locks.HookUrl("b"), secret: FakeLocks.HookSecret);

        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desk = await member.BookAsync(new { resourceId = await app.ResourceIdAsync("luzech", "Espace partagé"), date = "2026-12-01", period = "morning" });
        var later = await member.BookAsync(new { resourceId = await app.ResourceIdAsync("luzech", "Espace partagé"), date = "2026-12-08", period = "morning" });
        var other = await app.CreateUserAsync("causse@exemple.test");
        var causseMember = await app.ApiClientAsync(other.Email!);
        var lalbenqueDesk = await causseMember.BookAsync(new { resourceId = await app.ResourceIdAsync("lalbenque", "Espace partagé"), date = "2026-12-01", period = "day" });

        await app.SyncDoorsAsync();
        Assert.All(locks.Hooks, h => Assert.True(h.Signed));
        var a = Assert.Single(locks.HooksOf("a")); // next week's booking waits until it comes near
        Assert.Equal("door.grant", a.Text("type"));
        Assert.Equal(await app.CodeAsync(luzech, GrantKind.Booking, desk), a.Text("code"));
        Assert.Equal("booking", a.Text("kind"));
        var b = Assert.Single(locks.HooksOf("b"));
        Assert.Equal(await app.CodeAsync(lalbenque.Id, GrantKind.Booking, lalbenqueDesk), b.Text("code"));
        Assert.Equal(lalbenque.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), b.Text("siteId"));

        await member.CancelAsync(desk);
        await app.SyncDoorsAsync();
        var withdrawal = locks.HooksOf("a")[^1];
        Assert.Equal("door.withdraw", withdrawal.Text("type"));
        Assert.Equal(a.Text("grantId"), withdrawal.Text("grantId"));
        Assert.Single(locks.HooksOf("b"));
        Assert.DoesNotContain(locks.Hooks, h => h.Body.Text("code") == "" || h.Body.Text("grantId") == "");
        Assert.NotEqual(await app.CodeAsync(luzech, GrantKind.Booking, later), a.Text("code"));
    }

    [Fact]
    public async Task The_code_of_the_day_is_on_the_lock_from_local_midnight_to_midnight_and_tomorrows_is_sent_ahead()
    {
        await using var app = await DoorSteps.StartAsync();
        await using var locks = await FakeLocks.StartAsync(app.Clock);
        var luzech = await app.SiteIdAsync("luzech");
        await app.ConfigureDoorsAsync(luzech, DoorMode.DailyCode, LockKind.Webhook, locks.HookUrl("porte"), secret: FakeLocks.HookSecret);
        await app.SyncDoorsAsync();
        var sent = locks.HooksOf("porte");
        Assert.Equal(2, sent.Count);
        Assert.Equal(await app.CodeAsync(luzech, GrantKind.Daily, new DateOnly(2026, 12, 1).DayNumber), sent[0].Text("code"));
        Assert.Equal("2026-11-30T23:00:00Z", sent[0].Text("validFrom"));
        Assert.Equal("2026-12-01T23:00:00Z", sent[0].Text("validUntil"));
        Assert.Equal(await app.CodeAsync(luzech, GrantKind.Daily, new DateOnly(2026, 12, 2).DayNumber), sent[1].Text("code"));

        // Past midnight: yesterday's is taken back, the day after's sent as soon as it comes within a day.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.Zero));
        await app.SyncDoorsAsync();
        var types = locks.HooksOf("porte").Skip(2).Select(h => (h.Text("type"), h.Text("code"))).ToList();
        Assert.Contains(("door.withdraw", sent[0].Text("code")), types);
        Assert.Contains(("door.grant", await app.CodeAsync(luzech, GrantKind.Daily, new DateOnly(2026, 12, 3).DayNumber)), types);

        // Turned off: what is on the lock is taken back.
        await app.ConfigureDoorsAsync(luzech, DoorMode.None, LockKind.Webhook, locks.HookUrl("porte"), secret: FakeLocks.HookSecret);
        await app.SyncDoorsAsync();
        Assert.All(await app.GrantsAsync(luzech), g => Assert.Equal(GrantState.Withdrawn, g.State));
    }
}
