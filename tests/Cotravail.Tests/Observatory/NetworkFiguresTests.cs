using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Entrepreneurs;
using Cotravail.Web.Features.Newcomers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Observatory;

/// <summary>The size of the directory and of the board, and the newcomers' requests, in the observatory.</summary>
public sealed class NetworkFiguresTests
{
    private const string Period = "from=2026-10-01&to=2026-12-01";

    /// <summary>An expired offer of a public profile and an open offer of a hidden one: neither is counted.</summary>
    private static async Task AddUncountedListingsAsync(TestApp app) => await app.WithDbAsync(async db =>
    {
        var lea = await db.Profiles().SingleAsync(p => p.Name.StartsWith("Léa Vidal"));
        var hidden = await db.Profiles().FirstAsync(p => p.Visibility == Visibility.Hidden);
        var created = new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);
        db.Listings().AddRange(
            new Listing { ProfileId = lea.Id, Kind = ListingKind.Offer, Title = "Offre expirée", Body = "…", ExpiresOn = new DateOnly(2026, 11, 30), CreatedAtUtc = created },
            new Listing { ProfileId = hidden.Id, Kind = ListingKind.Offer, Title = "Offre d'une fiche masquée", Body = "…", ExpiresOn = new DateOnly(2027, 3, 1), CreatedAtUtc = created });
        return await db.SaveChangesAsync();
    });

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_directory_and_board_sizes_are_the_demo_networks_without_hidden_profiles_or_expired_listings(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await AddUncountedListingsAsync(app);
        Assert.Equal(5, await app.WithDbAsync(db => db.Profiles().CountAsync(p => p.Visibility == Visibility.Hidden)));
        var manager = await app.ApiClientAsync(TestApp.ManagerEmail);

        var set = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/observatory/indicators?{Period}");
        var directory = set.GetProperty("directory");
        // The demo network: 17 public profiles, 7 for members plus the demo member's, 5 hidden; 6 offers and 7 needs open.
        Assert.Equal("2026-12-01", directory.GetProperty("day").GetString());
        Assert.Equal(17, directory.GetProperty("publicProfiles").GetInt32());
        Assert.Equal(8, directory.GetProperty("membersOnlyProfiles").GetInt32());
        Assert.Equal(6, directory.GetProperty("openOffers").GetInt32());
        Assert.Equal(7, directory.GetProperty("openNeeds").GetInt32());

        var board = set.GetProperty("board").EnumerateArray().ToDictionary(m => m.GetProperty("month").GetString()!);
        Assert.Equal(["2026-10", "2026-11", "2026-12"], board.Keys);
        Assert.Equal((0, 0), (board["2026-10"].GetProperty("openOffers").GetInt32(), board["2026-10"].GetProperty("openNeeds").GetInt32()));
        // On 30 November the expired offer still ran (its last day); the demo's last need, created on 1 December, did not yet.
        Assert.Equal((7, 6), (board["2026-11"].GetProperty("openOffers").GetInt32(), board["2026-11"].GetProperty("openNeeds").GetInt32()));
        Assert.Equal((6, 7), (board["2026-12"].GetProperty("openOffers").GetInt32(), board["2026-12"].GetProperty("openNeeds").GetInt32()));

        var page = await (await SignedInAsync(app, TestApp.ManagerEmail)).GetDocumentAsync("/gestion/observatoire?Du=2026-10-01&Au=2026-12-01");
        var chart = page.QuerySelectorAll("figure.chart").Single(f => f.QuerySelector("figcaption")!.Text() == "Taille de l'annuaire et des annonces");
        Assert.Equal(["17", "8", "6", "7"], chart.QuerySelectorAll(".bar-value").Select(v => v.Text()));
        Assert.Contains(page.QuerySelectorAll("figure.chart figcaption"), c => c.Text() == "Offres ouvertes en fin de mois");
        Assert.Empty(page.QuerySelectorAll("main [style]"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_newcomers_request_shows_in_its_month_and_department_for_managers_only(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var network = (await app.SiteAsync("luzech")).NetworkId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NewcomerInbox>().SubmitAsync(network, new RequestForm
            {
                Kind = "person", Name = "Camille Lyonnaise", Phone = "0478000000", Project = "telework", OriginPostcode = "69003",
            }, CancellationToken.None);
        }
        var rhone = Origins.DepartmentLabel("69");
        var manager = await app.ApiClientAsync(TestApp.ManagerEmail);

        var newcomers = (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/observatory/indicators?{Period}")).GetProperty("newcomers");
        var december = newcomers.GetProperty("months").EnumerateArray().Single(m => m.GetProperty("month").GetString() == "2026-12-01");
        Assert.Equal(1, december.GetProperty("requests").GetInt32());
        Assert.Contains(newcomers.GetProperty("departments").EnumerateArray(), d => d.GetProperty("label").GetString() == rhone && d.GetProperty("requests").GetInt32() == 1);
        Assert.Contains(newcomers.GetProperty("regions").EnumerateArray(), d => d.GetProperty("label").GetString() == "Auvergne-Rhône-Alpes");
        Assert.Equal(4, newcomers.GetProperty("requests").GetInt32()); // the demo inbox's three and this one

        var page = await (await SignedInAsync(app, TestApp.ManagerEmail)).GetDocumentAsync("/gestion/observatoire?Du=2026-10-01&Au=2026-12-01");
        var row = page.QuerySelectorAll("section[aria-labelledby=nouveaux-arrivants] tbody tr").Single(r => r.QuerySelector("th")!.Text() == rhone);
        Assert.Equal("1", row.QuerySelector("td")!.Text());
        Assert.Contains(page.QuerySelectorAll("figure.chart figcaption"), c => c.Text() == "Demandes d'installation par mois");

        var anonymous = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/observatory/indicators?{Period}");
        Assert.Equal(-1, anonymous.GetProperty("newcomers").GetProperty("requests").GetInt32()); // 4: not published
        Assert.Equal(0, anonymous.GetProperty("newcomers").GetProperty("months").GetArrayLength());
        Assert.DoesNotContain("Rhône", anonymous.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Lyonnaise", anonymous.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(rhone, (await app.Browser().GetDocumentAsync("/observatoire?Du=2026-10-01&Au=2026-12-01")).Body.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_page_hides_small_directory_and_board_counts()
    {
        await using var app = await TestApp.StartAsync();
        // Three of the six demo offers closed: 3 open offers, too few to publish.
        await app.WithDbAsync(async db =>
        {
            foreach (var offer in await db.Listings().Where(l => l.Kind == ListingKind.Offer).OrderBy(l => l.Id).Take(3).ToListAsync())
            {
                offer.ClosedAtUtc = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
            }
            return await db.SaveChangesAsync();
        });

        var page = await app.Browser().GetDocumentAsync("/observatoire?Du=2026-10-01&Au=2026-12-01");
        var chart = page.QuerySelectorAll("figure.chart").Single(f => f.QuerySelector("figcaption")!.Text() == "Taille de l'annuaire et des annonces");
        Assert.Equal(["17", "8", "moins de 5", "7"], chart.QuerySelectorAll(".bar-value").Select(v => v.Text()));
        Assert.Equal("0", chart.QuerySelectorAll("svg rect")[2].GetAttribute("width"));
        Assert.Contains("Demandes « Je m'installe / je découvre » sur la période : moins de 5.", page.Body.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll("figure.chart figcaption"), c => c.Text().StartsWith("Origine des demandes", StringComparison.Ordinal));

        var manager = await app.ApiClientAsync(TestApp.ManagerEmail);
        Assert.Equal(3, (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/observatory/indicators?{Period}")).GetProperty("directory").GetProperty("openOffers").GetInt32());
        var anonymous = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/observatory/indicators?{Period}");
        Assert.Equal(-1, anonymous.GetProperty("directory").GetProperty("openOffers").GetInt32());
        Assert.Equal(17, anonymous.GetProperty("directory").GetProperty("publicProfiles").GetInt32());
    }

    private static async Task<HttpClient> SignedInAsync(TestApp app, string email)
    {
        var browser = app.Browser();
        await browser.SignInAsync(email);
        return browser;
    }
}
