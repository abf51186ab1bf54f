using System.Net;
using AngleSharp.Dom;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Reception;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Observatory;

/// <summary>
/// The observatory page at a glance (ADR 0052): the key figures against the same days a year before, French month
/// names with the month in progress marked, sections that open, one network at a time on the public page.
/// </summary>
public sealed class ObservatoryGlanceTests
{
    /// <summary>Today in tests is 1 December 2026: December is the month in progress.</summary>
    private const string Period = "Du=2026-11-01&Au=2026-12-01";

    /// <summary>One visit by a new person at <paramref name="siteId"/> on each of <paramref name="days"/>.</summary>
    private static Task VisitsAsync(TestApp app, int siteId, string postcode, params DateOnly[] days) => app.WithDbAsync(async db =>
    {
        foreach (var day in days)
        {
            var name = $"{siteId} {day:yyyyMMdd} {Guid.NewGuid():N}";
            var visitor = new Visitor { FirstName = "Personne", LastName = name, SearchKey = $"personne {name}", Postcode = postcode };
            db.Visitors.Add(visitor);
            await db.SaveChangesAsync();
            db.Visits.Add(new Visit
            {
                SiteId = siteId, VisitorId = visitor.Id, Date = day, Postcode = postcode, Kind = VisitKind.WalkIn,
                ArrivedAtUtc = day.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc), DepartedAtUtc = day.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc),
            });
        }
        return await db.SaveChangesAsync();
    });

    private static DateOnly[] Days(int year, int month, int count, int first = 2) =>
        [.. Enumerable.Range(0, count).Select(i => new DateOnly(year, month, first + (i % 20)))];

    private static string KeyFigure(IDocument page, string label) =>
        page.QuerySelectorAll(".key-figure").Single(f => f.QuerySelector(".key-label").Text() == label).QuerySelector(".key-value").Text();

    private static string KeyChange(IDocument page, string label) =>
        page.QuerySelectorAll(".key-figure").Single(f => f.QuerySelector(".key-label").Text() == label).QuerySelector(".key-change").Text();

    private static List<string> MonthRows(IDocument page) => [.. page.QuerySelectorAll("#tableau-mois tbody th[scope=row]").Select(th => th.Text())];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_period_reads_against_the_year_before_with_French_months_and_the_month_in_progress_apart(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var luzech = await app.SiteAsync("luzech");
        var prayssac = await app.SiteAsync("prayssac");
        // November 2025: 8 visits; November 2026: 12 at Luzech and 6 at Prayssac; 1 December 2026 (in progress): 6.
        await VisitsAsync(app, luzech.Id, "46140", Days(2025, 11, 8));
        await VisitsAsync(app, luzech.Id, "46140", Days(2026, 11, 12));
        await VisitsAsync(app, prayssac.Id, "46220", Days(2026, 11, 6));
        await VisitsAsync(app, luzech.Id, "46140", new DateOnly(2026, 12, 1));
        await VisitsAsync(app, prayssac.Id, "46220", [.. Enumerable.Repeat(new DateOnly(2026, 12, 1), 5)]);

        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        foreach (var page in new[] { await manager.GetDocumentAsync($"/gestion/observatoire?{Period}"), await app.Browser().GetDocumentAsync($"/observatoire?{Period}") })
        {
            Assert.Equal("Chiffres clés : Vallée du Lot et du Vignoble", page.QuerySelector("#chiffres-cles").Text());
            Assert.Contains("Du 1er novembre 2026 au 1er décembre 2026, comparés aux mêmes jours un an avant (du 1er novembre 2025 au 1er décembre 2025).",
                page.QuerySelector(".glance-period").Text(), StringComparison.Ordinal);
            Assert.Equal("24", KeyFigure(page, "Passages"));
            Assert.Equal("un an avant : 8 (+200 %)", KeyChange(page, "Passages"));

            // French month names; December is in progress, drawn apart and left out of the average.
            Assert.Equal(["novembre 2026", "décembre 2026 (en cours)"], MonthRows(page));
            var december = page.QuerySelectorAll("#tableau-mois tbody tr")[1];
            Assert.Equal("in-progress", december.ClassName);
            Assert.Equal(["décembre 2026 (en cours)", "6", "0"], december.QuerySelectorAll("th, td").Take(3).Select(c => c.Text()));
            Assert.Equal(["novembre 2026", "18", "8"], page.QuerySelectorAll("#tableau-mois tbody tr")[0].QuerySelectorAll("th, td").Take(3).Select(c => c.Text()));
            var bars = page.QuerySelectorAll(".months-chart .bar-row");
            Assert.Equal(["bar-row", "bar-row in-progress"], bars.Select(b => b.ClassName));
            Assert.Equal("100", bars[0].QuerySelector("rect.now")!.GetAttribute("width"));
            Assert.Equal("44.4", bars[0].QuerySelector("rect.before")!.GetAttribute("width")); // 8 of 18
            Assert.Contains("Sur le mois complet : 18 passages (un an avant : 8, +125 %). Le mois en cours n'est pas compté",
                page.QuerySelector("section[aria-labelledby=mois]").Text(), StringComparison.Ordinal);
            Assert.DoesNotContain("2026-11", page.QuerySelector("main").Text(), StringComparison.Ordinal);

            // The sections open; the first one is open.
            Assert.NotNull(page.QuerySelector("section[aria-labelledby=frequentation] > details[open]"));
            Assert.NotNull(page.QuerySelector("section[aria-labelledby=origine] > details:not([open])"));
            Assert.NotNull(page.QuerySelector("section[aria-labelledby=animation] > details:not([open])"));
            var luzechRow = page.QuerySelectorAll("#par-espace tbody tr").Single(r => r.QuerySelector("th").Text() == luzech.Name);
            Assert.Equal(["13", "8 (+63 %)"], luzechRow.QuerySelectorAll("td").Take(2).Select(c => c.Text()));
            // Origins: the intercommunality's share. The 11 visits from 46220 are inside it (its three communes are); the 13 from
            // 46140 cannot be told (Caillac and Douelle share that postcode, in the CA du Grand Cahors): 11 of 24.
            Assert.Contains("46 % des visites viennent de l'intercommunalité (CC de la Vallée du Lot et du Vignoble).",
                page.QuerySelector("section[aria-labelledby=origine]").Text(), StringComparison.Ordinal);
            Assert.Empty(page.QuerySelectorAll("main [style]"));
        }

        var managers = await manager.GetDocumentAsync($"/gestion/observatoire?{Period}&Espace={luzech.Id}");
        Assert.Equal("Chiffres clés : Tiers-lieu de Luzech", managers.QuerySelector("#chiffres-cles").Text());
        Assert.Equal("13", KeyFigure(managers, "Passages"));
        Assert.Equal($"/gestion/observatoire/rapport?{Period}&Espace={luzech.Id}",
            managers.QuerySelectorAll("main a").Single(a => a.Text() == "Rapport d'activité (PDF)").GetAttribute("href"));
        Assert.NotNull(managers.QuerySelector("section[aria-labelledby=recettes]"));
        Assert.Contains("Recettes", managers.QuerySelectorAll(".key-label").Select(l => l.Text()));

        // The public sees no revenue, and a count from 1 to 4 is « moins de 5 ».
        var open = await app.Browser().GetDocumentAsync($"/observatoire?{Period}&Espace={luzech.Id}");
        Assert.Null(open.QuerySelector("section[aria-labelledby=recettes]"));
        Assert.DoesNotContain("Recettes", open.QuerySelectorAll(".key-label").Select(l => l.Text()));
        Assert.Equal(["novembre 2026", "décembre 2026 (en cours)"], MonthRows(open));
        Assert.Equal("moins de 5", open.QuerySelectorAll("#tableau-mois tbody tr")[1].QuerySelectorAll("td")[0].Text());
        Assert.DoesNotContain(open.QuerySelectorAll("main a"), a => a.Text() == "Rapport d'activité (PDF)");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_public_page_shows_one_network_at_a_time_its_members_included(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (causse, lalbenque, _) = await app.CreateOtherNetworkAsync();
        var luzech = await app.SiteAsync("luzech");
        await VisitsAsync(app, lalbenque.Id, "46230", Days(2026, 11, 6));
        await VisitsAsync(app, luzech.Id, "46140", Days(2026, 11, 9));
        var since = new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 7; i++)
        {
            var person = await app.CreateUserAsync($"causse{i}@exemple.fr");
            await app.WithDbAsync(db =>
            {
                db.Set<NetworkMember>().Add(new NetworkMember { UserId = person.Id, NetworkId = causse.Id, SinceUtc = since });
                return db.SaveChangesAsync();
            });
        }
        var lot = await app.WithDbAsync(async db =>
        {
            var id = luzech.NetworkId;
            var slug = await db.Networks.Where(n => n.Id == id).Select(n => n.Slug).SingleAsync();
            return (Slug: slug, Members: await db.Set<NetworkMember>().Where(m => m.NetworkId == id).Select(m => m.UserId).Distinct().CountAsync());
        });
        Assert.NotEqual(7, lot.Members);

        // By default the first network by name: « Causse ».
        var first = await app.Browser().GetDocumentAsync($"/observatoire?{Period}");
        Assert.Equal(["causse", lot.Slug], first.QuerySelectorAll("#Reseau option").Select(o => o.GetAttribute("value")));
        Assert.Equal("Chiffres clés : Causse", first.QuerySelector("#chiffres-cles").Text());
        Assert.Equal("7", KeyFigure(first, "Membres du réseau"));
        Assert.Equal("6", KeyFigure(first, "Passages"));
        Assert.Null(first.QuerySelector("#Espace")); // Causse has one site: no choice of site
        Assert.Equal([lalbenque.Name], first.QuerySelectorAll("#par-espace tbody th[scope=row]").Select(th => th.Text()));

        var other = await app.Browser().GetDocumentAsync($"/observatoire?{Period}&Reseau={lot.Slug}");
        Assert.Equal("Chiffres clés : Vallée du Lot et du Vignoble", other.QuerySelector("#chiffres-cles").Text());
        Assert.Equal(lot.Slug, other.QuerySelector("#Reseau option[selected]")!.GetAttribute("value"));
        Assert.Equal(lot.Members is > 0 and < 5 ? "moins de 5" : $"{lot.Members}", KeyFigure(other, "Membres du réseau"));
        Assert.Equal("9", KeyFigure(other, "Passages"));
        Assert.Equal(4, other.QuerySelectorAll("#Espace option").Length); // « Tous les espaces » and its three sites
        Assert.DoesNotContain(lalbenque.Name, other.QuerySelector("main").Text(), StringComparison.Ordinal);

        // A site of the other network is not in the list; an unknown network is refused, nothing computed.
        var foreign = await app.Browser().GetDocumentAsync($"/observatoire?{Period}&Reseau={lot.Slug}&Espace={lalbenque.Id}", HttpStatusCode.BadRequest);
        Assert.Equal("Choisissez un espace de la liste.", foreign.QuerySelector("#Espace-error").Text());
        Assert.Null(foreign.QuerySelector("#chiffres-cles"));
        var unknown = await app.Browser().GetDocumentAsync($"/observatoire?{Period}&Reseau=nulle-part", HttpStatusCode.BadRequest);
        Assert.Equal("Choisissez un réseau de la liste.", unknown.QuerySelector("#Reseau-error").Text());
        Assert.Equal("true", unknown.QuerySelector("#Reseau")!.GetAttribute("aria-invalid"));
        Assert.Null(unknown.QuerySelector("#chiffres-cles"));
    }

    [Theory]
    [InlineData("/observatoire")]
    [InlineData("/gestion/observatoire")]
    public async Task A_bad_period_or_site_answers_400_with_French_messages_and_computes_nothing(string path)
    {
        await using var app = await TestApp.StartAsync();
        var browser = app.Browser();
        await browser.SignInAsync(TestApp.ManagerEmail);
        foreach (var (query, field, message) in new[]
        {
            ("Du=2026-12-01&Au=2026-11-01", "Au", "La fin de la période doit être après son début."),
            ("Du=2020-01-01&Au=2026-01-01", "Au", "La période fait au plus cinq ans."),
            ("Du=2026-02-30", "Du", "La date s'écrit AAAA-MM-JJ (entre 2000 et 2100)."),
            ("Espace=999999", "Espace", "Choisissez un espace de la liste."),
        })
        {
            var page = await browser.GetDocumentAsync($"{path}?{query}", HttpStatusCode.BadRequest);
            Assert.Equal(message, page.QuerySelector($"#{field}-error").Text());
            Assert.Null(page.QuerySelector("#chiffres-cles"));
            Assert.Null(page.QuerySelector("#tableau-mois"));
        }
    }
}
