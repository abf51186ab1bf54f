using Cotravail.Tests.Infrastructure;
using static Cotravail.Tests.MySpace.MySpaceSteps;

namespace Cotravail.Tests.MySpace;

/// <summary>
/// « Mon espace » of hosts and managers: the « Aujourd'hui » links of their own sites, the figures of the week of their own
/// networks — never another network's.
/// </summary>
public sealed class StaffSpaceTests
{
    private const string Valley = "Vallée du Lot et du Vignoble";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_host_sees_the_today_links_of_their_sites_only_with_today_s_bookings(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, _, otherManager) = await app.CreateOtherNetworkAsync();
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);
        var before = await SummaryAsync(host);
        var luzechBefore = before.GetProperty("sitesToday").EnumerateArray().Single(s => s.GetProperty("slug").GetString() == "luzech")
            .GetProperty("expectedToday").GetInt32();

        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        await BookAsync(member, await DesksAsync(app), "2026-12-01", "afternoon");

        var page = await host.GetDocumentAsync(Page);
        var links = page.QuerySelectorAll("#sites-du-jour a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/accueil/luzech", "/accueil/prayssac"], links);
        var luzech = page.QuerySelectorAll("#sites-du-jour > li").Single(li => li.Text().Contains("Luzech", StringComparison.Ordinal)).Text();
        Assert.Contains($"Aujourd'hui à Tiers-lieu de Luzech", luzech, StringComparison.Ordinal);
        Assert.Contains(luzechBefore + 1 == 1 ? "1 réservation aujourd'hui" : $"{luzechBefore + 1} réservations aujourd'hui", luzech, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#chiffres-semaine"));
        // A host is also a member: the member's blocks follow.
        Assert.NotNull(page.QuerySelector("main a.space-book-button"));
        Assert.Empty((await SummaryAsync(host)).GetProperty("networkWeeks").EnumerateArray());

        // The other network's manager keeps the reception of its site only, and sees its figures only.
        var other = app.Browser();
        await other.SignInAsync(otherManager.Email!);
        var theirs = await other.GetDocumentAsync(Page);
        Assert.Equal(["/accueil/lalbenque"], theirs.QuerySelectorAll("#sites-du-jour a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["Causse"], theirs.QuerySelectorAll("#chiffres-semaine h3").Select(h => h.FirstChild!.TextContent.Trim()));
        Assert.DoesNotContain("Luzech", theirs.QuerySelector("main").Text(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_manager_s_figures_of_the_week_count_only_their_networks(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, _, otherManager) = await app.CreateOtherNetworkAsync();
        var manager = await app.ApiClientAsync(TestApp.ManagerEmail);
        var causse = await app.ApiClientAsync(otherManager.Email!);
        var valleyBefore = Week(await SummaryAsync(manager), Valley);

        // Tuesday 1 December 2026: the week runs from Monday 30 November to Sunday 6 December.
        await ActivityAsync(app, "luzech", "semaine-vallee@exemple.fr", new DateOnly(2026, 12, 2), 4500);
        await ActivityAsync(app, "lalbenque", "semaine-causse@exemple.fr", new DateOnly(2026, 12, 3), 9900);
        await ActivityAsync(app, "lalbenque", "semaine-causse-2@exemple.fr", new DateOnly(2026, 12, 4), 100);

        var summary = await SummaryAsync(manager);
        Assert.Equal([Valley], summary.GetProperty("networkWeeks").EnumerateArray().Select(w => w.GetProperty("name").GetString()));
        var valley = Week(summary, Valley);
        Assert.Equal("2026-11-30", valley.GetProperty("from").GetString());
        Assert.Equal("2026-12-06", valley.GetProperty("to").GetString());
        foreach (var figure in new[] { "visits", "bookings", "newMembers", "events", "registrations" })
        {
            Assert.True(valleyBefore.GetProperty(figure).GetInt32() + 1 == valley.GetProperty(figure).GetInt32(), figure);
        }
        Assert.Equal(valleyBefore.GetProperty("invoicedCents").GetInt32() + 4500, valley.GetProperty("invoicedCents").GetInt32());
        Assert.Equal(valleyBefore.GetProperty("collectedCents").GetInt32() + 4500, valley.GetProperty("collectedCents").GetInt32());

        var theirs = await SummaryAsync(causse);
        var week = Week(theirs, "Causse");
        Assert.Single(theirs.GetProperty("networkWeeks").EnumerateArray());
        foreach (var figure in new[] { "visits", "bookings", "newMembers", "events", "registrations" })
        {
            Assert.True(week.GetProperty(figure).GetInt32() == 2, figure);
        }
        Assert.Equal(10000, week.GetProperty("invoicedCents").GetInt32());
        Assert.Equal(10000, week.GetProperty("collectedCents").GetInt32());

        // The page shows the same figures.
        var browser = app.Browser();
        await browser.SignInAsync(otherManager.Email!);
        var card = (await browser.GetDocumentAsync(Page)).QuerySelector("#chiffres-semaine > li")!;
        Assert.Contains("Causse du 30 novembre au 6 décembre", card.Text(), StringComparison.Ordinal);
        var figures = card.QuerySelectorAll("dt").Zip(card.QuerySelectorAll("dd"), (dt, dd) => (dt.Text(), dd.Text())).ToList();
        Assert.Contains(("Passages", "2"), figures);
        Assert.Contains(("Réservations", "2"), figures);
        Assert.Contains(("Nouveaux membres", "2"), figures);
        Assert.Contains(("Facturé (avoirs déduits)", "100,00 €"), figures);
        Assert.Contains(("Encaissé", "100,00 €"), figures);
    }

    [Fact]
    public void A_week_runs_from_monday_to_sunday()
    {
        Assert.Equal((new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 6)), Cotravail.Web.Features.MySpace.StaffBlocks.Week(new DateOnly(2026, 12, 1)));
        Assert.Equal((new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 6)), Cotravail.Web.Features.MySpace.StaffBlocks.Week(new DateOnly(2026, 11, 30)));
        Assert.Equal((new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 6)), Cotravail.Web.Features.MySpace.StaffBlocks.Week(new DateOnly(2026, 12, 6)));
    }
}
