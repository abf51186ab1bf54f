using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Observatory.Aggregates;
using Cotravail.Web.Features.Reception;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Observatory;

/// <summary>A network's member counts are its own people: who came to one of its sites or was invoiced by it.</summary>
public sealed class NetworkMembersTests
{
    private const string Period = "from=2026-01-01&to=2026-12-01";

    private static async Task<AppUser> PersonAsync(TestApp app, string email, int? visitedSite = null, int? invoicedBy = null)
    {
        var user = await app.CreateUserAsync(email);
        if (visitedSite is { } site)
        {
            await app.WithDbAsync(async db =>
            {
                var visitor = new Visitor { UserId = user.Id, FirstName = "Test", LastName = email, SearchKey = email, Postcode = "46230" };
                db.Visitors.Add(visitor);
                await db.SaveChangesAsync();
                var date = new DateOnly(2026, 11, 20);
                db.Visits.Add(new Visit
                {
                    SiteId = site, VisitorId = visitor.Id, UserId = user.Id, Date = date, Postcode = "46230", Kind = VisitKind.WalkIn,
                    ArrivedAtUtc = date.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc), DepartedAtUtc = date.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc),
                });
                return await db.SaveChangesAsync();
            });
        }
        if (invoicedBy is { } network)
        {
            await app.WithScopeAsync(async services => await services.GetRequiredService<InvoiceIssuer>().IssueAsync(network,
                new ClientIdentity(user.Id, email, null, email), [new LineRequest("Pass journée", 1, 1200, 2000)], CancellationToken.None));
        }
        return user;
    }

    private static async Task<(int Members, int? New)> FiguresAsync(HttpClient client, string query = "")
    {
        var set = await client.GetFromJsonAsync<JsonElement>($"/api/v1/observatory/indicators?{Period}{query}");
        var members = set.GetProperty("networkMembers").GetInt32();
        return (members, set.GetProperty("newMembers").ValueKind == JsonValueKind.Null ? null : set.GetProperty("newMembers").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_networks_members_and_new_members_count_its_own_people_only(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (causse, lalbenque, causseManager) = await app.CreateOtherNetworkAsync();
        var luzech = (await app.SiteAsync("luzech")).Id;
        var lot = (await app.SiteAsync("luzech")).NetworkId;
        var lotManager = await app.ApiClientAsync(TestApp.ManagerEmail);
        var (lotBefore, lotNewBefore) = await FiguresAsync(lotManager);

        // Six people came to Lalbenque, one was only invoiced by the Causse, one came to both networks;
        // five came to Luzech; three accounts did nothing anywhere.
        for (var i = 0; i < 6; i++)
        {
            await PersonAsync(app, $"causse{i}@exemple.fr", visitedSite: lalbenque.Id);
        }
        await PersonAsync(app, "facturee@exemple.fr", invoicedBy: causse.Id);
        var both = await PersonAsync(app, "les-deux@exemple.fr", visitedSite: lalbenque.Id);
        await app.WithDbAsync(async db =>
        {
            var visitor = await db.Visitors.SingleAsync(v => v.UserId == both.Id);
            db.Visits.Add(new Visit
            {
                SiteId = luzech, VisitorId = visitor.Id, UserId = both.Id, Date = new DateOnly(2026, 11, 21), Kind = VisitKind.WalkIn,
                ArrivedAtUtc = new DateTime(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc),
            });
            return await db.SaveChangesAsync();
        });
        for (var i = 0; i < 5; i++)
        {
            await PersonAsync(app, $"lot{i}@exemple.fr", visitedSite: luzech);
        }
        for (var i = 0; i < 3; i++)
        {
            await app.CreateUserAsync($"inactif{i}@exemple.fr");
        }

        var causseClient = await app.ApiClientAsync(causseManager.Email!);
        Assert.Equal((8, 8), await FiguresAsync(causseClient));
        Assert.Equal((lotBefore + 6, lotNewBefore + 6), await FiguresAsync(lotManager));

        // The public figures of a site are its network's; without a site, every network's people once.
        var anonymous = app.CreateClient();
        Assert.Equal((8, null), await FiguresAsync(anonymous, $"&siteId={lalbenque.Id}"));
        Assert.Equal((lotBefore + 6, null), await FiguresAsync(anonymous, $"&siteId={luzech}"));
        Assert.Equal((lotBefore + 6 + 8 - 1, null), await FiguresAsync(anonymous));
        Assert.Equal(lot, await app.WithDbAsync(db => db.Sites.Where(s => s.Id == luzech).Select(s => s.NetworkId).SingleAsync()));

        // The manager's page says the same.
        var page = app.Browser();
        await page.SignInAsync(causseManager.Email!);
        Assert.Contains("Membres du réseau (venus dans un de ses espaces ou facturés par lui) : 8, dont 8 ayant créé leur compte sur la période.",
            (await page.GetDocumentAsync($"/gestion/observatoire?Du=2026-01-01&Au=2026-12-01")).QuerySelector("main").Text(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_person_leaves_a_networks_count_when_nothing_of_theirs_is_left_there_and_a_rebuild_agrees(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (causse, lalbenque, causseManager) = await app.CreateOtherNetworkAsync();
        var people = new List<AppUser>();
        for (var i = 0; i < 7; i++)
        {
            people.Add(await PersonAsync(app, $"causse{i}@exemple.fr", visitedSite: lalbenque.Id, invoicedBy: i == 0 ? causse.Id : null));
        }
        var client = await app.ApiClientAsync(causseManager.Email!);
        Assert.Equal(7, (await FiguresAsync(client)).Members);

        // Person 0 was invoiced as well: their visit gone, they still count. Person 1's visit deleted, person 2's
        // anonymised (account erased), person 3's moved to a site of another network: they no longer count here.
        var luzech = (await app.SiteAsync("luzech")).Id;
        await app.WithDbAsync(async db =>
        {
            await db.Visits.Where(v => v.UserId == people[0].Id || v.UserId == people[1].Id).ExecuteDeleteAsync();
            await db.Visits.Where(v => v.UserId == people[2].Id).ExecuteUpdateAsync(s => s.SetProperty(v => v.UserId, (string?)null));
            return await db.Visits.Where(v => v.UserId == people[3].Id).ExecuteUpdateAsync(s => s.SetProperty(v => v.SiteId, luzech));
        });
        Assert.Equal(4, (await FiguresAsync(client)).Members);
        Assert.True(await app.WithDbAsync(db => db.Set<NetworkPerson>().AnyAsync(p => p.UserId == people[3].Id && p.NetworkId != causse.Id)));

        var before = await client.GetStringAsync(new Uri($"/api/v1/observatory/indicators?{Period}", UriKind.Relative));
        var counted = await app.WithDbAsync(db => db.Set<NetworkPerson>().OrderBy(p => p.NetworkId).ThenBy(p => p.UserId).Select(p => $"{p.NetworkId}:{p.UserId}:{p.Refs}").ToListAsync());
        await app.WithDbAsync(async db =>
        {
            await ObservatoryAggregates.RebuildAsync(db);
            return 0;
        });
        Assert.Equal(counted, await app.WithDbAsync(db => db.Set<NetworkPerson>().OrderBy(p => p.NetworkId).ThenBy(p => p.UserId).Select(p => $"{p.NetworkId}:{p.UserId}:{p.Refs}").ToListAsync()));
        Assert.Equal(before, await client.GetStringAsync(new Uri($"/api/v1/observatory/indicators?{Period}", UriKind.Relative)));
    }
}
