using System.Net;
using System.Security.Claims;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Security;

/// <summary>
/// « May this person act on this site / this network? » asked of <see cref="StaffAccess"/> for the demo network (Luzech,
/// Prayssac, Puy-l'Évêque; its host keeps Luzech and Prayssac) and a second network (the Causse, Lalbenque).
/// </summary>
public sealed class StaffAccessTests
{
    private sealed record World(TestApp App, int Lot, int Causse, int Luzech, int Prayssac, int Puy, int Lalbenque, string Host, string Manager, string CausseManager, string Member);

    private static async Task<World> ArrangeAsync(string provider)
    {
        var app = await TestApp.StartAsync(provider);
        var (causse, lalbenque, causseManager) = await app.CreateOtherNetworkAsync();
        var ids = await app.WithDbAsync(async db => new
        {
            Lot = await db.Networks.Where(n => n.Slug == DemoData.NetworkSlug).Select(n => n.Id).SingleAsync(),
            Sites = await db.Sites.ToDictionaryAsync(s => s.Slug, s => s.Id),
            Users = await db.Users.Where(u => u.Email == TestApp.HostEmail || u.Email == TestApp.ManagerEmail || u.Email == TestApp.MemberEmail)
                .ToDictionaryAsync(u => u.Email!, u => u.Id),
        });
        return new World(app, ids.Lot, causse.Id, ids.Sites["luzech"], ids.Sites["prayssac"], ids.Sites["puy-l-eveque"], lalbenque.Id,
            ids.Users[TestApp.HostEmail], ids.Users[TestApp.ManagerEmail], causseManager.Id, ids.Users[TestApp.MemberEmail]);
    }

    /// <summary>Runs <paramref name="ask"/> in a request of <paramref name="userId"/> whose session carries <paramref name="roles"/>.</summary>
    private static async Task<T> AsAsync<T>(TestApp app, string? userId, string[] roles, Func<StaffAccess, Task<T>> ask)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var claims = userId is null ? [] : new List<Claim> { new(ClaimTypes.NameIdentifier, userId) }.Concat(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var http = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = new ClaimsPrincipal(new ClaimsIdentity(claims, userId is null ? null : "Test")),
        };
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
        try
        {
            return await ask(scope.ServiceProvider.GetRequiredService<StaffAccess>());
        }
        finally
        {
            scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = null;
        }
    }

    private static async Task<(bool[] Sites, bool[] ManagesSites, bool[] Networks, int[] Staffed, int[] Managed, int[] InScope)> AskAsync(
        World w, string? userId, params string[] roles) =>
        await AsAsync(w.App, userId, roles, async access => (
            new[] { await access.CanActOnSiteAsync(w.Luzech), await access.CanActOnSiteAsync(w.Prayssac), await access.CanActOnSiteAsync(w.Puy), await access.CanActOnSiteAsync(w.Lalbenque) },
            new[] { await access.CanManageSiteAsync(w.Luzech), await access.CanManageSiteAsync(w.Lalbenque) },
            new[] { await access.CanManageNetworkAsync(w.Lot), await access.CanManageNetworkAsync(w.Causse) },
            (await access.StaffedSiteIdsAsync()).Order().ToArray(),
            (await access.ManagedNetworkIdsAsync()).Order().ToArray(),
            (await (await access.SitesInScopeAsync()).Select(s => s.Id).ToListAsync()).Order().ToArray()));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_host_acts_on_the_sites_they_host_and_a_manager_on_every_site_of_the_networks_they_manage_and_nowhere_else(string provider)
    {
        var w = await ArrangeAsync(provider);
        await using var app = w.App;

        // The host of Luzech and Prayssac: those two sites, not Puy-l'Évêque of the same network, no network.
        var host = await AskAsync(w, w.Host, Roles.Host);
        Assert.Equal(new[] { true, true, false, false }, host.Sites);
        Assert.Equal(new[] { false, false }, host.ManagesSites);
        Assert.Equal(new[] { false, false }, host.Networks);
        Assert.Equal(new[] { w.Luzech, w.Prayssac }.Order().ToArray(), host.Staffed);
        Assert.Equal(host.Staffed, host.InScope);
        Assert.Empty(host.Managed);

        // The manager of the demo network: its three sites and itself, not the Causse.
        var manager = await AskAsync(w, w.Manager, Roles.Manager);
        Assert.Equal(new[] { true, true, true, false }, manager.Sites);
        Assert.Equal(new[] { true, false }, manager.ManagesSites);
        Assert.Equal(new[] { true, false }, manager.Networks);
        Assert.Equal(new[] { w.Luzech, w.Prayssac, w.Puy }.Order().ToArray(), manager.Staffed);
        Assert.Equal(manager.Staffed, manager.InScope);
        Assert.Equal(new[] { w.Lot }, manager.Managed);

        // The Causse's manager: Lalbenque and the Causse only.
        var other = await AskAsync(w, w.CausseManager, Roles.Manager);
        Assert.Equal(new[] { false, false, false, true }, other.Sites);
        Assert.Equal(new[] { false, true }, other.ManagesSites);
        Assert.Equal(new[] { false, true }, other.Networks);
        Assert.Equal(new[] { w.Lalbenque }, other.InScope);
        Assert.Equal(new[] { w.Causse }, other.Managed);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_member_nobody_and_staff_without_their_role_in_the_session_act_nowhere(string provider)
    {
        var w = await ArrangeAsync(provider);
        await using var app = w.App;
        var none = new[] { false, false, false, false };
        // A member; nobody signed in; a manager signed in without two-factor authentication (no Manager role in the
        // session) although their account manages the network; the host's account in a session without the Host role.
        foreach (var (user, roles) in new (string?, string[])[] { (w.Member, [Roles.Member]), (null, []), (w.Manager, [Roles.Member]), (w.Host, [Roles.Member]) })
        {
            var answer = await AskAsync(w, user, roles);
            Assert.Equal(none, answer.Sites);
            Assert.Equal(new[] { false, false }, answer.Networks);
            Assert.Empty(answer.Staffed);
            Assert.Empty(answer.InScope);
            Assert.Empty(answer.Managed);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_route_rule_answers_not_found_for_nothing_forbidden_out_of_scope_and_allowed_in_it(string provider)
    {
        var w = await ArrangeAsync(provider);
        await using var app = w.App;
        async Task<StaffScopeOutcome> Check(string user, string role, StaffScopeRule rule, object value) =>
            await AsAsync(app, user, [role], async access =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                return await rule.CheckAsync(access, scope.ServiceProvider.GetRequiredService<AppDbContext>(), value, CancellationToken.None);
            });

        Assert.Equal(StaffScopeOutcome.Allowed, await Check(w.Host, Roles.Host, StaffScopeRule.SiteStaffBySlug(), "luzech"));
        Assert.Equal(StaffScopeOutcome.Forbidden, await Check(w.Host, Roles.Host, StaffScopeRule.SiteStaffBySlug(), "puy-l-eveque"));
        Assert.Equal(StaffScopeOutcome.NotFound, await Check(w.Host, Roles.Host, StaffScopeRule.SiteStaffBySlug(), "nulle-part"));
        Assert.Equal(StaffScopeOutcome.Forbidden, await Check(w.Host, Roles.Host, StaffScopeRule.SiteManager(), w.Luzech));
        Assert.Equal(StaffScopeOutcome.Allowed, await Check(w.Manager, Roles.Manager, StaffScopeRule.SiteManager(), w.Puy.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(StaffScopeOutcome.Forbidden, await Check(w.Manager, Roles.Manager, StaffScopeRule.SiteStaff(), w.Lalbenque));
        Assert.Equal(StaffScopeOutcome.Allowed, await Check(w.Manager, Roles.Manager, StaffScopeRule.NetworkManager(), w.Lot));
        Assert.Equal(StaffScopeOutcome.Forbidden, await Check(w.Manager, Roles.Manager, StaffScopeRule.NetworkManager(), w.Causse));
        Assert.Equal(StaffScopeOutcome.NotFound, await Check(w.Manager, Roles.Manager, StaffScopeRule.NetworkManager(), 999_999));
        Assert.Equal(StaffScopeOutcome.NotFound, await Check(w.Manager, Roles.Manager, StaffScopeRule.NetworkManager(), "abc"));
    }

    [Fact]
    public async Task An_endpoint_with_the_site_filter_answers_problem_details_before_its_handler()
    {
        await using var app = await TestApp.StartAsync();
        var puy = (await app.SiteAsync("puy-l-eveque")).Id;
        var luzech = (await app.SiteAsync("luzech")).Id;
        var host = await app.ApiClientAsync(TestApp.HostEmail);

        using var elsewhere = await host.GetAsync(new Uri($"/api/v1/sites/{puy}/today", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal("application/problem+json", elsewhere.Content.Headers.ContentType?.MediaType);
        using var unknown = await host.GetAsync(new Uri("/api/v1/sites/999999/today", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        using var own = await host.GetAsync(new Uri($"/api/v1/sites/{luzech}/today", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        // Nothing was recorded at a site out of scope.
        using var checkin = await host.PostJsonAsync($"/api/v1/sites/{puy}/checkins", new { code = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, checkin.StatusCode);
    }
}
