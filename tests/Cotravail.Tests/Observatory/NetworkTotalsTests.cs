using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Events;
using Cotravail.Web.Features.Reception;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Observatory;

/// <summary><c>perSite=false</c>: one row per month for every site together, for the national question.</summary>
public sealed class NetworkTotalsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Without_a_site_perSite_false_adds_every_site_up_per_month(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        // November 2026: three people at Luzech, two at Prayssac.
        foreach (var (slug, people) in new[] { ("luzech", 3), ("prayssac", 2) })
        {
            var site = (await app.SiteAsync(slug)).Id;
            await app.WithDbAsync(async db =>
            {
                for (var p = 0; p < people; p++)
                {
                    var visitor = new Visitor { FirstName = "Personne", LastName = $"{slug} {p}", SearchKey = $"personne {slug} {p}", Postcode = "46140" };
                    db.Visitors.Add(visitor);
                    await db.SaveChangesAsync();
                    var date = new DateOnly(2026, 11, 3 + p);
                    db.Visits.Add(new Visit
                    {
                        SiteId = site, VisitorId = visitor.Id, Date = date, Postcode = visitor.Postcode, Kind = VisitKind.WalkIn,
                        ArrivedAtUtc = date.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc), DepartedAtUtc = date.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc),
                    });
                }
                return await db.SaveChangesAsync();
            });
        }
        var manager = await app.ApiClientAsync(TestApp.ManagerEmail);

        var perSite = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/observatory/indicators?from=2026-10-01&to=2026-11-30"))
            .GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(2 * 3, perSite.Count); // unchanged: one row per site and month
        var totals = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/observatory/indicators?from=2026-10-01&to=2026-11-30&perSite=false"))
            .GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(["2026-10", "2026-11"], totals.Select(m => m.GetProperty("month").GetString()));
        Assert.All(totals, m => Assert.Equal(0, m.GetProperty("siteId").GetInt32()));
        var november = totals[1];
        Assert.Equal(5, november.GetProperty("visits").GetInt32());
        Assert.Equal(5, november.GetProperty("distinctVisitors").GetInt32());
        foreach (var field in new[] { "deskDaysOffered", "deskDaysUsedTenths", "eventsHeld", "participants", "helpSignups" })
        {
            Assert.Equal(perSite.Where(m => m.GetProperty("month").GetString() == "2026-11").Sum(m => m.GetProperty(field).GetInt32()), november.GetProperty(field).GetInt32());
        }

        // A period that cuts November before its last visit: counted from the visits (Luzech 3 and 4, Prayssac 3 and 4).
        var cut = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/observatory/indicators?from=2026-11-01&to=2026-11-04&perSite=false"))
            .GetProperty("months").EnumerateArray().Single();
        Assert.Equal(4, cut.GetProperty("visits").GetInt32());
        Assert.Equal(4, cut.GetProperty("distinctVisitors").GetInt32());

        // Public: 3 and 2 are too few to publish per site, 5 together is not.
        var anonymous = app.CreateClient();
        var publicPerSite = (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/observatory/indicators?from=2026-11-01&to=2026-11-30")).GetProperty("months");
        Assert.DoesNotContain(publicPerSite.EnumerateArray(), m => m.GetProperty("visits").GetInt32() > 0);
        var publicTotals = (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/observatory/indicators?from=2026-11-01&to=2026-11-30&perSite=false")).GetProperty("months");
        Assert.Equal(5, publicTotals.EnumerateArray().Single().GetProperty("visits").GetInt32());

        // A site asked for: its own rows whatever perSite says; a wrong value: a clear message.
        var luzech = (await app.SiteAsync("luzech")).Id;
        var one = (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/observatory/indicators?from=2026-11-01&to=2026-11-30&siteId={luzech}&perSite=false")).GetProperty("months");
        Assert.Equal(3, one.EnumerateArray().Single().GetProperty("visits").GetInt32());
        var bad = await manager.GetAsync(new Uri("/api/v1/observatory/indicators?perSite=peut-etre", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("perSite vaut true", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static readonly string[] Figures =
        ["visits", "distinctVisitors", "regularVisitors", "occasionalVisitors", "deskDaysUsedTenths", "deskDaysOffered", "eventsHeld", "participants", "helpSignups"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Over_a_year_of_activity_each_month_total_is_the_sum_of_the_sites_whether_whole_or_cut(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Demo:Activity"] = "true" });
        var manager = await app.ApiClientAsync(TestApp.ManagerEmail);
        // Whole months read the counters; 10 March and 20 June cut their months, which are counted from the visits.
        foreach (var period in new[] { "from=2025-12-01&to=2026-11-30", "from=2026-03-10&to=2026-06-20" })
        {
            var perSite = (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/observatory/indicators?{period}")).GetProperty("months").EnumerateArray().ToList();
            var totals = (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/observatory/indicators?{period}&perSite=false")).GetProperty("months").EnumerateArray().ToList();
            Assert.Equal(perSite.Count / 3, totals.Count);
            foreach (var month in totals)
            {
                var sites = perSite.Where(m => m.GetProperty("month").GetString() == month.GetProperty("month").GetString()).ToList();
                Assert.Equal(3, sites.Count);
                Assert.True(month.GetProperty("visits").GetInt32() > 0, $"{period}: {month}");
                foreach (var field in Figures)
                {
                    Assert.True(sites.Sum(m => m.GetProperty(field).GetInt32()) == month.GetProperty(field).GetInt32(), $"{period}, {field}: {month}");
                }
            }
        }

        // Participants are the confirmed registrations of the events held, less those a host marked absent.
        const string Year = "/api/v1/observatory/indicators?from=2025-12-01&to=2026-11-30&perSite=false";
        async Task<int> ParticipantsAsync() =>
            (await manager.GetFromJsonAsync<JsonElement>(Year)).GetProperty("months").EnumerateArray().Sum(m => m.GetProperty("participants").GetInt32());
        var (start, end) = (new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc));
        var present = await app.WithDbAsync(db => db.EventRegistrations.CountAsync(r => r.Status == RegistrationStatus.Confirmed && r.Attended != false
            && db.Events.Any(e => e.Id == r.EventId && e.Status == EventStatus.Published && e.StartUtc >= start && e.StartUtc < end)));
        Assert.True(present > 0);
        Assert.Equal(present, await ParticipantsAsync());
        await app.WithDbAsync(async db =>
        {
            var held = await db.EventRegistrations.FirstAsync(r => r.Status == RegistrationStatus.Confirmed && r.Attended != false
                && db.Events.Any(e => e.Id == r.EventId && e.Status == EventStatus.Published && e.StartUtc >= start && e.StartUtc < end));
            held.Attended = false;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(present - 1, await ParticipantsAsync());
    }
}
