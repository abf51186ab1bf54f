using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Observatory.Aggregates;
using Cotravail.Web.Features.Reception;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Observatory;

/// <summary>
/// ADR 0051: the observatory counts origins by postcode and INSEE code. The database's counters follow every write of a
/// visit (insert, delete, a change of day, site or commune) on both providers, and one network's rows never take another's.
/// </summary>
public sealed class OriginsByCommuneTests
{
    private const string Luzech = "46182";
    private const string Albas = "46001";

    private static readonly DateOnly November = new(2026, 11, 1);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_visit_with_a_commune_counts_there_and_one_with_a_postcode_only_keeps_its_postcode(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (other, lalbenque, otherManager) = await app.CreateOtherNetworkAsync();
        var luzech = (await app.SiteAsync("luzech")).Id;
        await AddVisitsAsync(app, luzech, "46140", Luzech, 6);
        await AddVisitsAsync(app, luzech, "46140", null, 5);
        await AddVisitsAsync(app, lalbenque.Id, "46140", Albas, 7);
        // 46000 is Cahors's alone: a visit with the postcode only counts at Cahors.
        await AddVisitsAsync(app, luzech, "46000", null, 2);
        await AddVisitsAsync(app, luzech, "46000", "46042", 3);

        var origins = (await (await app.ApiClientAsync(TestApp.ManagerEmail))
            .GetFromJsonAsync<JsonElement>("/api/v1/observatory/indicators?from=2026-11-01&to=2026-11-30")).GetProperty("origins");
        Assert.Equal([("Luzech (46140)", 6), ("Cahors (46000)", 5), ("46140 — Albas, Anglars-Juillac, Bélaye et 9 autres", 5)],
            origins.EnumerateArray().Select(o => (o.GetProperty("label").GetString(), o.GetProperty("visits").GetInt32())));
        Assert.Equal(Luzech, origins[0].GetProperty("insee").GetString());
        Assert.Equal("46042", origins[1].GetProperty("insee").GetString());
        Assert.Equal(JsonValueKind.Null, origins[2].GetProperty("insee").ValueKind);

        // The other network: its own visits only, by its own manager and on the public page of the API.
        var theirs = (await (await app.ApiClientAsync(otherManager.Email!))
            .GetFromJsonAsync<JsonElement>("/api/v1/observatory/indicators?from=2026-11-01&to=2026-11-30")).GetProperty("origins");
        Assert.Equal([("Albas (46140)", 7)], theirs.EnumerateArray().Select(o => (o.GetProperty("label").GetString(), o.GetProperty("visits").GetInt32())));
        Assert.Equal(other.Id, await app.WithDbAsync(db => db.Sites.Where(s => s.Id == lalbenque.Id).Select(s => s.NetworkId).SingleAsync()));

        // The page groups them by commune, intercommunality, department and region.
        var page = await app.Browser().GetDocumentAsync($"/observatoire?Du=2026-11-01&Au=2026-11-30&Reseau={DemoData.NetworkSlug}");
        Assert.Contains("Luzech (46140)", page.QuerySelector("main").Text(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_counters_follow_every_write_of_a_visit_and_a_rebuild_finds_the_same(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (other, lalbenque, _) = await app.CreateOtherNetworkAsync();
        var luzech = (await app.SiteAsync("luzech")).Id;
        var prayssac = (await app.SiteAsync("prayssac")).Id;
        var network = await app.WithDbAsync(db => db.Sites.Where(s => s.Id == luzech).Select(s => s.NetworkId).SingleAsync());
        var withCommune = await AddVisitsAsync(app, luzech, "46140", Luzech, 2);
        var postcodeOnly = await AddVisitsAsync(app, luzech, "46140", null, 1);
        await AddVisitsAsync(app, lalbenque.Id, "46140", Luzech, 1);

        Assert.Equal(
            Rows([(-other.Id, "46140", Luzech, 1), (-network, "46140", "", 1), (-network, "46140", Luzech, 2),
                  (luzech, "46140", "", 1), (luzech, "46140", Luzech, 2), (lalbenque.Id, "46140", Luzech, 1)]),
            Rows(await CountersAsync(app, November)));

        // Another day, in October; another site; another commune; then the visits go.
        await app.WithDbAsync(db => db.Visits.Where(v => v.Id == withCommune[0]).ExecuteUpdateAsync(s => s.SetProperty(v => v.Date, new DateOnly(2026, 10, 5))));
        await app.WithDbAsync(db => db.Visits.Where(v => v.Id == postcodeOnly[0]).ExecuteUpdateAsync(s => s.SetProperty(v => v.SiteId, prayssac)));
        await app.WithDbAsync(db => db.Visits.Where(v => v.Id == withCommune[1]).ExecuteUpdateAsync(s => s.SetProperty(v => v.CommuneInsee, Albas)));
        Assert.Equal(Rows([(-network, "46140", Luzech, 1), (luzech, "46140", Luzech, 1)]), Rows(await CountersAsync(app, new DateOnly(2026, 10, 1), network)));
        Assert.Equal(
            Rows([(-network, "46140", "", 1), (-network, "46140", Albas, 1), (prayssac, "46140", "", 1), (luzech, "46140", Albas, 1)]),
            Rows(await CountersAsync(app, November, network)));
        Assert.Equal(Rows([(-other.Id, "46140", Luzech, 1), (lalbenque.Id, "46140", Luzech, 1)]), Rows(await CountersAsync(app, November, other.Id)));

        var beforeRebuild = Rows(await CountersAsync(app, null));
        await app.WithDbAsync(async db => { await ObservatoryAggregates.RebuildAsync(db); return 0; });
        Assert.Equal(beforeRebuild, Rows(await CountersAsync(app, null)));

        await app.WithDbAsync(db => db.Visits.Where(v => withCommune.Contains(v.Id) || postcodeOnly.Contains(v.Id)).ExecuteDeleteAsync());
        Assert.Equal(Rows([(-other.Id, "46140", Luzech, 1), (lalbenque.Id, "46140", Luzech, 1)]), Rows(await CountersAsync(app, null)));
    }

    /// <summary>The origin counters of a month (every month when null), of one network's sites and rows when given, added up per site, postcode and commune.</summary>
    private static Task<List<(int SiteId, string Postcode, string Insee, int Visits)>> CountersAsync(TestApp app, DateOnly? month, int? networkId = null) =>
        app.WithDbAsync(async db =>
        {
            var sites = await db.Sites.Where(s => networkId == null || s.NetworkId == networkId).Select(s => s.Id).ToListAsync();
            var rows = await db.Set<OriginMonth>().AsNoTracking()
                .Where(o => (month == null || o.Month == month) && (networkId == null || o.SiteId == -networkId || sites.Contains(o.SiteId)))
                .ToListAsync();
            return rows.GroupBy(o => (o.SiteId, o.Postcode, o.Insee)).Select(g => (g.Key.SiteId, g.Key.Postcode, g.Key.Insee, g.Sum(o => o.Visits))).ToList();
        });

    /// <summary>Counter rows as one line each, in a fixed order, so that two sets of rows compare whatever order they came in.</summary>
    private static string Rows(IEnumerable<(int SiteId, string Postcode, string Insee, int Visits)> rows) =>
        string.Join("\n", rows.Select(r => r.ToString()).Order(StringComparer.Ordinal));

    /// <summary>Visits in November 2026 of as many people, each once, living at <paramref name="postcode"/> (in the commune <paramref name="insee"/>).</summary>
    private static Task<List<int>> AddVisitsAsync(TestApp app, int siteId, string postcode, string? insee, int people) =>
        app.WithDbAsync(async db =>
        {
            var visits = new List<Visit>();
            for (var p = 0; p < people; p++)
            {
                var visitor = new Visitor { FirstName = "Personne", LastName = $"{siteId} {insee} {p}", SearchKey = $"personne {p}", Postcode = postcode, CommuneInsee = insee };
                db.Visitors.Add(visitor);
                await db.SaveChangesAsync();
                var date = November.AddDays(2 + p);
                var visit = new Visit
                {
                    SiteId = siteId, VisitorId = visitor.Id, Date = date, Postcode = postcode, CommuneInsee = insee, Kind = VisitKind.WalkIn,
                    ArrivedAtUtc = date.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc), DepartedAtUtc = date.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc),
                };
                db.Visits.Add(visit);
                visits.Add(visit);
            }
            await db.SaveChangesAsync();
            return visits.Select(v => v.Id).ToList();
        });
}
