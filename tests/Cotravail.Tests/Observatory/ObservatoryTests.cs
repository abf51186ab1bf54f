using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Reception;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Observatory;

public sealed class ObservatoryTests
{
    /// <summary>Six people came to Luzech in November 2026 (one of them 4 times), from Luzech and Prayssac.</summary>
    private static async Task SeedVisitsAsync(TestApp app)
    {
        var luzech = (await app.SiteAsync("luzech")).Id;
        await app.WithDbAsync(async db =>
        {
            for (var p = 0; p < 6; p++)
            {
                var visitor = new Visitor { FirstName = "Personne", LastName = $"{p}", SearchKey = $"personne {p}", Postcode = p < 5 ? "46140" : "46220" };
                db.Visitors.Add(visitor);
                await db.SaveChangesAsync();
                for (var v = 0; v < (p == 0 ? 4 : 1); v++)
                {
                    var date = new DateOnly(2026, 11, 2 + v);
                    db.Visits.Add(new Visit
                    {
                        SiteId = luzech, VisitorId = visitor.Id, Date = date, Postcode = visitor.Postcode, Kind = VisitKind.WalkIn,
                        ArrivedAtUtc = date.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc), DepartedAtUtc = date.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc),
                    });
                }
            }
            await db.SaveChangesAsync();
            return 0;
        });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Managers_see_every_indicator_and_the_public_only_aggregates_without_small_counts(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeedVisitsAsync(app);
        var manager = await app.ApiClientAsync(TestApp.ManagerEmail);

        var all = await manager.GetFromJsonAsync<JsonElement>("/api/v1/observatory/indicators?from=2026-11-01&to=2026-11-30");
        var luzech = all.GetProperty("months").EnumerateArray().Single(m => m.GetProperty("site").GetString() == "Tiers-lieu de Luzech");
        Assert.Equal(9, luzech.GetProperty("visits").GetInt32());
        Assert.Equal(6, luzech.GetProperty("distinctVisitors").GetInt32());
        Assert.Equal(1, luzech.GetProperty("regularVisitors").GetInt32());
        Assert.Equal(5, luzech.GetProperty("occasionalVisitors").GetInt32());
        Assert.Equal(JsonValueKind.Array, all.GetProperty("revenue").ValueKind);
        Assert.Contains(all.GetProperty("origins").EnumerateArray(), o => o.GetProperty("postcode").GetString() == "46220" && o.GetProperty("visits").GetInt32() == 1);

        var anonymous = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/observatory/indicators?from=2026-11-01&to=2026-11-30");
        var publicLuzech = anonymous.GetProperty("months").EnumerateArray().Single(m => m.GetProperty("site").GetString() == "Tiers-lieu de Luzech");
        Assert.Equal(9, publicLuzech.GetProperty("visits").GetInt32());
        Assert.Equal(-1, publicLuzech.GetProperty("regularVisitors").GetInt32()); // 1 person: not published
        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("revenue").ValueKind);
        Assert.DoesNotContain(anonymous.GetProperty("origins").EnumerateArray(), o => o.GetProperty("postcode").GetString() == "46220");
        Assert.DoesNotContain("Personne", anonymous.ToString(), StringComparison.Ordinal);

        var page = await app.Browser().GetDocumentAsync("/observatoire?Du=2026-11-01&Au=2026-11-30");
        Assert.Contains("moins de 5", page.QuerySelector("main").Text(), StringComparison.Ordinal);
        // Each table has its chart: bars drawn on the server, their figures written beside them.
        var chart = page.QuerySelectorAll("figure.chart").Single(f => f.QuerySelector("figcaption")!.Text() == "Passages par mois : Tiers-lieu de Luzech");
        Assert.Equal("9", chart.QuerySelector(".bar-value")!.Text());
        Assert.Equal("100", chart.QuerySelector("svg rect")!.GetAttribute("width"));
        Assert.Contains(page.QuerySelectorAll("figure.chart figcaption"), c => c.Text() == "Passages par commune de résidence");
        Assert.Empty(page.QuerySelectorAll("main [style]"));
        await app.Browser().GetDocumentAsync("/observatoire?Du=2026-12-01&Au=2026-11-01", HttpStatusCode.BadRequest);
        var bad = await app.CreateClient().GetAsync(new Uri("/api/v1/observatory/indicators?from=2020-01-01&to=2026-01-01", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Open_data_lists_the_sites_and_the_monthly_indicators_without_personal_data()
    {
        await using var app = await TestApp.StartAsync();
        await SeedVisitsAsync(app);
        var client = app.CreateClient();

        var sites = await client.GetFromJsonAsync<JsonElement>("/api/v1/opendata/sites.json");
        Assert.Equal(3, sites.GetArrayLength());
        Assert.Contains(sites.EnumerateArray(), s => s.GetProperty("postcode").GetString() == "46140" && s.GetProperty("desks").GetInt32() == 12);
        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync(new Uri("/api/v1/opendata/sites.csv", UriKind.Relative))).TrimStart('\uFEFF');
        Assert.StartsWith("id,nom,reseau,adresse,code_postal,commune", csv, StringComparison.Ordinal);

        var indicators = Encoding.UTF8.GetString(await client.GetByteArrayAsync(new Uri("/api/v1/opendata/indicators.csv?from=2026-11-01&to=2026-11-30", UriKind.Relative))).TrimStart('\uFEFF');
        var luzech = indicators.Split("\r\n").Single(l => l.Contains("Tiers-lieu de Luzech", StringComparison.Ordinal));
        Assert.StartsWith("2026-11,", luzech, StringComparison.Ordinal);
        Assert.Contains(",9,6,,5,", luzech, StringComparison.Ordinal); // 1 regular: left empty
        Assert.DoesNotContain("Personne", indicators, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_managers_observatory_page_is_for_managers()
    {
        await using var app = await TestApp.StartAsync();
        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);
        Assert.Contains("/compte/acces-refuse", (await member.GetAsync(new Uri("/gestion/observatoire", UriKind.Relative))).Headers.Location!.OriginalString, StringComparison.Ordinal);
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var page = await manager.GetDocumentAsync("/gestion/observatoire");
        Assert.Contains("Recettes par produit", page.QuerySelector("main").Text(), StringComparison.Ordinal);
    }
}
