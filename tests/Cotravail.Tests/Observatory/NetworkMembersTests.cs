using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Trust;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Reception;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Observatory;

/// <summary>A network's member counts are its own people (ADR 0025): who booked, bought, registered or came there.</summary>
public sealed class NetworkMembersTests
{
    private const string Period = "from=2026-01-01&to=2026-12-01";

    /// <summary>A new account, welcomed at the desk of each of <paramref name="sites"/> today without a booking (a day pass sold), gone by evening.</summary>
    private static async Task<AppUser> PersonAsync(TestApp app, string email, params Site[] sites)
    {
        var user = await app.CreateUserAsync(email);
        var host = await app.FindUserIdAsync(TestApp.HostEmail);
        foreach (var site in sites)
        {
            await app.WithScopeAsync(async services =>
            {
                var desk = services.GetRequiredService<Arrivals>();
                var (arrived, _) = await desk.WalkInAsync(site, new WalkInPerson(null, user.Id, null, null, email, "46230"), Cotravail.Web.Features.Billing.PaymentMethod.Cash, host, CancellationToken.None);
                Assert.True(arrived.Ok, arrived.Message);
                Assert.True((await desk.CheckOutAsync(arrived.Visit!.Id, site.Id, CancellationToken.None)).Ok);
            });
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
        var (_, lalbenque, causseManager) = await app.CreateOtherNetworkAsync();
        var luzech = await app.SiteAsync("luzech");
        await app.WithDbAsync(db => db.Resources.Where(r => r.SiteId == lalbenque.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Capacity, 20)));
        var lotManager = await app.ApiClientAsync(TestApp.ManagerEmail);
        var (lotBefore, lotNewBefore) = await FiguresAsync(lotManager);

        // Six people came to Lalbenque, one came to both networks; five came to Luzech; three accounts did nothing.
        for (var i = 0; i < 6; i++)
        {
            await PersonAsync(app, $"causse{i}@exemple.fr", lalbenque);
        }
        await PersonAsync(app, "les-deux@exemple.fr", lalbenque, luzech);
        for (var i = 0; i < 5; i++)
        {
            await PersonAsync(app, $"lot{i}@exemple.fr", luzech);
        }
        for (var i = 0; i < 3; i++)
        {
            await app.CreateUserAsync($"inactif{i}@exemple.fr");
        }

        var causseClient = await app.ApiClientAsync(causseManager.Email!);
        Assert.Equal((7, 7), await FiguresAsync(causseClient));
        Assert.Equal((lotBefore + 6, lotNewBefore + 6), await FiguresAsync(lotManager));

        // The public figures of a site are its network's; without a site, every network's people once.
        var anonymous = app.CreateClient();
        Assert.Equal((7, null), await FiguresAsync(anonymous, $"&siteId={lalbenque.Id}"));
        Assert.Equal((lotBefore + 6, null), await FiguresAsync(anonymous, $"&siteId={luzech.Id}"));
        Assert.Equal((lotBefore + 6 + 7 - 1, null), await FiguresAsync(anonymous));

        // One network asked for: its own people only, for anyone; the public subset for a manager of another network.
        var lotNetwork = luzech.NetworkId;
        Assert.Equal((7, null), await FiguresAsync(anonymous, $"&networkId={lalbenque.NetworkId}"));
        Assert.Equal((lotBefore + 6, null), await FiguresAsync(anonymous, $"&networkId={lotNetwork}"));
        Assert.Equal((7, null), await FiguresAsync(lotManager, $"&networkId={lalbenque.NetworkId}"));
        Assert.Equal((7, 7), await FiguresAsync(causseClient, $"&networkId={lalbenque.NetworkId}"));

        // The manager's page says the same.
        var page = app.Browser();
        await page.SignInAsync(causseManager.Email!);
        Assert.Contains("Membres du réseau (venus, inscrits ou clients dans un de ses espaces) : 7, dont 7 ayant créé leur compte sur la période.",
            (await page.GetDocumentAsync("/gestion/observatoire?Du=2026-01-01&Au=2026-12-01")).QuerySelector("main").Text(), StringComparison.Ordinal);

        // An erased account is no one's member any more.
        await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByEmailAsync("causse0@exemple.fr"))!)).Succeeded);
        });
        Assert.Equal((6, 6), await FiguresAsync(causseClient));
    }

    [Fact]
    public async Task An_unknown_network_or_site_answers_400_with_the_fields_message()
    {
        await using var app = await TestApp.StartAsync();
        var (_, lalbenque, _) = await app.CreateOtherNetworkAsync();
        var luzech = await app.SiteAsync("luzech");
        var anonymous = app.CreateClient();

        async Task<string> ProblemAsync(string url, string field)
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            return problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
        }

        Assert.Equal("Aucun réseau n'a cet identifiant.", await ProblemAsync($"/api/v1/observatory/indicators?{Period}&networkId=999999", "networkId"));
        Assert.Equal("Aucun espace n'a cet identifiant.", await ProblemAsync($"/api/v1/observatory/indicators?{Period}&siteId=999999", "siteId"));
        Assert.Equal("Cet espace n'est pas un espace de ce réseau.",
            await ProblemAsync($"/api/v1/observatory/indicators?{Period}&networkId={luzech.NetworkId}&siteId={lalbenque.Id}", "siteId"));
        Assert.Equal("La période fait au plus cinq ans.", await ProblemAsync("/api/v1/observatory/indicators?from=2020-01-01&to=2026-01-01", "to"));
        Assert.Equal("Aucun réseau n'a cet identifiant.", await ProblemAsync($"/api/v1/opendata/indicators.csv?{Period}&networkId=999999", "networkId"));

        // Five years are fine.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/observatory/indicators?from=2021-12-01&to=2026-11-30&perSite=false")).StatusCode);
    }
}
