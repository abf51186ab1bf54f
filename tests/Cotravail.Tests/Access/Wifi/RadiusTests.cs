using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Reception;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Access.Wifi;

/// <summary>
/// The whole chain for real: Cotravail on a Kestrel port, FreeRADIUS with the project's configuration on loopback
/// ports, and radclient sending what an access point sends.
/// </summary>
public sealed class RadiusTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FreeRadius_accepts_members_with_rights_here_and_refuses_everyone_else(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, WifiWorld.Settings, kestrel: true);
        var world = await WifiWorld.CreateAsync(app);
        using var client = app.CreateClient();
        await using var radius = await FreeRadiusServer.StartAsync(client.BaseAddress!, WifiWorld.ApiKey);
        var code = await world.CodeOfAsync(WifiWorld.Booked);

        // A booking at Luzech today: in with the personal code (typed any way) or the password; not at Prayssac.
        Assert.Equal("Access-Accept", await radius.AuthenticateAsync(WifiWorld.Booked, code, "nas-luzech"));
        Assert.Equal("Access-Accept", await radius.AuthenticateAsync(WifiWorld.Booked, code.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant(), "nas-luzech"));
        Assert.Equal("Access-Accept", await radius.AuthenticateAsync(WifiWorld.Booked, TestApp.DemoPassword, "nas-luzech"));
        Assert.Equal("Access-Reject", await radius.AuthenticateAsync(WifiWorld.Booked, code, "nas-prayssac"));
        Assert.Equal("Access-Reject", await radius.AuthenticateAsync(WifiWorld.Booked, "mauvais-code", "nas-luzech"));

        // A subscription of network A: every site of A, not network B's; B's member not at A's sites.
        Assert.Equal("Access-Accept", await radius.AuthenticateAsync(WifiWorld.Subscribed, TestApp.DemoPassword, "nas-luzech"));
        Assert.Equal("Access-Accept", await radius.AuthenticateAsync(WifiWorld.Subscribed, TestApp.DemoPassword, "nas-prayssac"));
        Assert.Equal("Access-Reject", await radius.AuthenticateAsync(WifiWorld.Subscribed, TestApp.DemoPassword, "nas-lalbenque"));
        Assert.Equal("Access-Accept", await radius.AuthenticateAsync(WifiWorld.Causse, TestApp.DemoPassword, "nas-lalbenque"));
        Assert.Equal("Access-Reject", await radius.AuthenticateAsync(WifiWorld.Causse, TestApp.DemoPassword, "nas-luzech"));

        // No rights, unknown user, unknown access point, wrong RADIUS secret.
        Assert.Equal("Access-Reject", await radius.AuthenticateAsync(WifiWorld.Nothing, TestApp.DemoPassword, "nas-luzech"));
        Assert.Equal("Access-Reject", await radius.AuthenticateAsync("inconnu@wifi.test", TestApp.DemoPassword, "nas-luzech"));
        Assert.Equal("Access-Reject", await radius.AuthenticateAsync(WifiWorld.Booked, code, "nas-inconnu"));
        Assert.NotEqual("Access-Accept", await radius.AuthenticateAsync(WifiWorld.Booked, code, "nas-luzech", secret: "pas-le-bon-secret"));

        // The event's guests: not at 9:00 for an event at 14:00; from 13:30, with its code only, at its site only.
        var guest = Cotravail.Web.Features.Access.Wifi.WifiRules.GuestLogin(world.EventId);
        var guestCode = await world.GuestCodeAsync();
        Assert.Equal("Access-Reject", await radius.AuthenticateAsync(guest, guestCode, "nas-luzech"));
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 12, 31, 0, TimeSpan.Zero));
        Assert.Equal("Access-Accept", await radius.AuthenticateAsync(guest, guestCode, "nas-luzech"));
        Assert.Equal("Access-Reject", await radius.AuthenticateAsync(guest, code, "nas-luzech"));
        Assert.Equal("Access-Reject", await radius.AuthenticateAsync(guest, guestCode, "nas-prayssac"));
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero));
        Assert.Equal("Access-Reject", await radius.AuthenticateAsync(guest, guestCode, "nas-luzech"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_accounting_start_records_one_wifi_visit_per_person_site_and_day(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, WifiWorld.Settings, kestrel: true);
        var world = await WifiWorld.CreateAsync(app);
        using var client = app.CreateClient();
        await using var radius = await FreeRadiusServer.StartAsync(client.BaseAddress!, WifiWorld.ApiKey);

        // A subscriber without a booking: the first start records the visit, the second adds nothing.
        Assert.Equal("Accounting-Response", await radius.AccountingStartAsync(WifiWorld.Subscribed, "nas-prayssac", "s1"));
        Assert.Equal("Accounting-Response", await radius.AccountingStartAsync(WifiWorld.Subscribed, "nas-prayssac", "s2"));
        var visit = Assert.Single(await world.VisitsOfAsync(WifiWorld.Subscribed));
        Assert.Equal((VisitSource.Wifi, world.Prayssac, new DateOnly(2026, 12, 1), "Abonnement mensuel", (int?)null),
            (visit.Source, visit.SiteId, visit.Date, visit.Pass, visit.BookingId));

        // A member checked in at the desk first: the Wi-Fi adds nothing, the visit stays the desk's.
        var desk = await WithScopeAsync(app, async services =>
        {
            var db = services.GetRequiredService<Cotravail.Web.Data.AppDbContext>();
            var site = await db.Sites.SingleAsync(s => s.Id == world.Luzech);
            var userId = await db.Users.Where(u => u.Email == WifiWorld.Booked).Select(u => u.Id).SingleAsync();
            return await services.GetRequiredService<Arrivals>().CheckInMemberAsync(site, userId, CancellationToken.None);
        });
        Assert.True(desk.Ok, desk.Message);
        Assert.Equal("Accounting-Response", await radius.AccountingStartAsync(WifiWorld.Booked, "nas-luzech", "s3"));
        Assert.Equal(VisitSource.Desk, Assert.Single(await world.VisitsOfAsync(WifiWorld.Booked)).Source);

        // No rights, another network's site, an unknown user: acknowledged, nothing recorded.
        Assert.Equal("Accounting-Response", await radius.AccountingStartAsync(WifiWorld.Nothing, "nas-luzech", "s4"));
        Assert.Equal("Accounting-Response", await radius.AccountingStartAsync(WifiWorld.Causse, "nas-luzech", "s5"));
        Assert.Equal("Accounting-Response", await radius.AccountingStartAsync("inconnu@wifi.test", "nas-luzech", "s6"));
        Assert.Empty(await world.VisitsOfAsync(WifiWorld.Nothing));
        Assert.Empty(await world.VisitsOfAsync(WifiWorld.Causse));
    }

    private static async Task<T> WithScopeAsync<T>(TestApp app, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
