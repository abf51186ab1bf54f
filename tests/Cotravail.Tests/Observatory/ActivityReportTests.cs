using System.Globalization;
using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Observatory;
using Cotravail.Web.Features.Observatory.Report;
using Cotravail.Web.Features.Reception;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Cotravail.Tests.Observatory;

/// <summary>
/// The « rapport d'activité » (ADR 0053): read back with PdfPig, its network, period, French months and figures beside
/// the year before; the public version without revenue and with « moins de 5 »; an empty period that says so; bad input
/// answered 400 in French; two networks kept apart; publication, the public file and withdrawal.
/// </summary>
public sealed class ActivityReportTests
{
    private const string Report = "/gestion/observatoire/rapport";
    private const string Reports = "/gestion/observatoire/rapports";
    private const string ThisYear = "Du=2026-01-01&Au=2026-11-30";

    /// <summary>
    /// Causse (the second network): 4 visits in November 2025, 6 in November 2026 (5 from Lalbenque 46230, 1 from 46140).
    /// The demo network: 13 visits at Luzech in November 2026, from 46220.
    /// </summary>
    private static async Task<(int Causse, int CausseSite, int Luzech)> SeedAsync(TestApp app)
    {
        var (causse, site, _) = await app.CreateOtherNetworkAsync();
        var luzech = (await app.SiteAsync("luzech")).Id;
        await app.WithDbAsync(async db =>
        {
            await VisitsAsync(db, site.Id, new DateOnly(2025, 11, 3), Enumerable.Repeat("46230", 4));
            await VisitsAsync(db, site.Id, new DateOnly(2026, 11, 3), [.. Enumerable.Repeat("46230", 5), "46140"]);
            await VisitsAsync(db, luzech, new DateOnly(2026, 11, 4), Enumerable.Repeat("46220", 13));
            return 0;
        });
        return (causse.Id, site.Id, luzech);
    }

    private static async Task VisitsAsync(AppDbContext db, int siteId, DateOnly date, IEnumerable<string> postcodes)
    {
        var n = 0;
        foreach (var postcode in postcodes)
        {
            var visitor = new Visitor { FirstName = "Personne", LastName = $"{siteId}-{date:yyyyMMdd}-{n}", SearchKey = $"personne {siteId} {date:yyyyMMdd} {n}", Postcode = postcode };
            db.Visitors.Add(visitor);
            await db.SaveChangesAsync();
            db.Visits.Add(new Visit
            {
                SiteId = siteId, VisitorId = visitor.Id, Date = date, Postcode = postcode, Kind = VisitKind.WalkIn,
                ArrivedAtUtc = date.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc), DepartedAtUtc = date.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc),
            });
            n++;
        }
        await db.SaveChangesAsync();
    }

    private static async Task<HttpClient> ManagerAsync(TestApp app, string email)
    {
        var client = app.Browser();
        await client.SignInAsync(email);
        return client;
    }

    private static async Task<(PdfDocument Pdf, HttpResponseMessage Response)> PdfAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return (PdfDocument.Open(await response.Content.ReadAsByteArrayAsync()), response);
    }

    /// <summary>The words of every page in the order they are drawn, one space apart.</summary>
    private static string Text(PdfDocument pdf) => string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_manager_gets_the_report_of_their_network_beside_the_year_before_and_nothing_of_another(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, causseSite, luzech) = await SeedAsync(app);
        var causse = await ManagerAsync(app, "gestion@causse.test");

        var (pdf, response) = await PdfAsync(causse, $"{Report}?{ThisYear}");
        using (pdf)
        {
            Assert.Equal("rapport-activite-causse-2026-01-01-2026-11-30.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            Assert.InRange(pdf.NumberOfPages, 1, 2);
            var text = Text(pdf);
            Assert.Contains("Rapport d'activité", text, StringComparison.Ordinal);
            Assert.Contains("Causse", text, StringComparison.Ordinal);
            Assert.Contains("Communauté de communes du Causse", text, StringComparison.Ordinal);
            Assert.Contains("du 1er janvier au 30 novembre 2026", text, StringComparison.Ordinal);
            Assert.Contains("du 1er janvier au 30 novembre 2025", text, StringComparison.Ordinal);
            Assert.Contains("Passages 6 4 +50 %", text, StringComparison.Ordinal);
            Assert.Contains("nov. 26", text, StringComparison.Ordinal);
            Assert.Contains("janv. 26", text, StringComparison.Ordinal);
            Assert.Contains("Recettes TTC", text, StringComparison.Ordinal);
            Assert.Contains("46140", text, StringComparison.Ordinal);
            Assert.Contains("Tiers-lieu de Lalbenque", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Luzech", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Vallée du Lot", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Personne", text, StringComparison.Ordinal);
            AssertNoOverlap(pdf);
        }

        var demo = await ManagerAsync(app, TestApp.ManagerEmail);
        var (own, _) = await PdfAsync(demo, $"{Report}?{ThisYear}&Espace={luzech}");
        using (own)
        {
            var text = Text(own);
            Assert.Contains("Vallée du Lot et du Vignoble", text, StringComparison.Ordinal);
            Assert.Contains("Espace : Tiers-lieu de Luzech", text, StringComparison.Ordinal);
            Assert.Contains("Passages 13 0 nouveau", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Causse", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Lalbenque", text, StringComparison.Ordinal);
        }

        // Another network's site or name: refused, in French, nothing made.
        var foreignSite = await causse.GetAsync(new Uri($"{Report}?{ThisYear}&Espace={luzech}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, foreignSite.StatusCode);
        Assert.Contains("Choisissez un espace de la liste.", (await foreignSite.ParseAsync()).QuerySelector("main").Text(), StringComparison.Ordinal);
        var foreignNetwork = await causse.GetAsync(new Uri($"{Report}?{ThisYear}&Reseau={DemoData.NetworkSlug}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, foreignNetwork.StatusCode);
        Assert.Contains("Choisissez un réseau de la liste.", (await foreignNetwork.ParseAsync()).QuerySelector("main").Text(), StringComparison.Ordinal);
        var demoAsksCausse = await demo.GetAsync(new Uri($"{Report}?{ThisYear}&Espace={causseSite}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, demoAsksCausse.StatusCode);
    }

    [Fact]
    public async Task The_public_version_has_no_revenue_and_writes_small_counts_as_fewer_than_five()
    {
        await using var app = await TestApp.StartAsync();
        await SeedAsync(app);
        var causse = await ManagerAsync(app, "gestion@causse.test");

        var (pdf, _) = await PdfAsync(causse, $"{Report}?{ThisYear}&Version=publique");
        using (pdf)
        {
            var text = Text(pdf);
            Assert.Contains("Version publique", text, StringComparison.Ordinal);
            Assert.Contains("Passages 6 moins de 5", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Recettes", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Nouveaux membres", text, StringComparison.Ordinal);
            Assert.DoesNotContain("46140", text, StringComparison.Ordinal); // one visit: not cited
            Assert.Contains("46230", text, StringComparison.Ordinal); // five visits
            AssertNoOverlap(pdf);
        }
    }

    [Fact]
    public async Task A_period_without_activity_makes_one_page_that_says_so()
    {
        await using var app = await TestApp.StartAsync();
        var manager = await ManagerAsync(app, TestApp.ManagerEmail);
        var (pdf, _) = await PdfAsync(manager, $"{Report}?Du=2010-01-01&Au=2010-12-31");
        using (pdf)
        {
            Assert.Equal(1, pdf.NumberOfPages);
            var text = Text(pdf);
            Assert.Contains("Aucune activité enregistrée sur cette période", text, StringComparison.Ordinal);
            Assert.Contains("du 1er janvier au 31 décembre 2010", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Chiffres clés", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Du=2026-11-30&Au=2026-01-01", "La fin de la période doit être après son début.")]
    [InlineData("Du=2015-01-01&Au=2026-11-30", "La période fait au plus cinq ans.")]
    [InlineData("Du=2026-02-30&Au=2026-11-30", "La date s'écrit AAAA-MM-JJ (entre 2000 et 2100).")]
    [InlineData("Du=2026-01-01&Au=2026-11-30&Espace=999999", "Choisissez un espace de la liste.")]
    [InlineData("Du=2026-01-01&Au=2026-11-30&Reseau=inconnu", "Choisissez un réseau de la liste.")]
    [InlineData("Du=2026-01-01&Au=2026-11-30&Version=brouillon", "La version est « publique »")]
    public async Task Bad_input_answers_the_page_with_a_French_message_and_400(string query, string message)
    {
        await using var app = await TestApp.StartAsync();
        var manager = await ManagerAsync(app, TestApp.ManagerEmail);
        var response = await manager.GetAsync(new Uri($"{Report}?{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var page = await response.ParseAsync();
        Assert.Contains(message, page.QuerySelector("[role=alert]").Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("main form button[type=submit]"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_published_report_is_public_until_withdrawn_and_another_network_can_neither_publish_nor_withdraw_it(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (causseId, _, _) = await SeedAsync(app);
        var demo = await ManagerAsync(app, TestApp.ManagerEmail);
        var causse = await ManagerAsync(app, "gestion@causse.test");
        var demoNetwork = await app.WithDbAsync(db => db.Networks.Where(n => n.Slug == DemoData.NetworkSlug).Select(n => n.Id).SingleAsync());

        var published = await demo.SubmitFormAsync(Reports, new Dictionary<string, string> { ["Du"] = "2026-01-01", ["Au"] = "2026-11-30" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var id = await app.WithDbAsync(db => db.PublishedReports().Where(r => r.NetworkId == demoNetwork).Select(r => r.Id).SingleAsync());
        var list = await demo.GetDocumentAsync(Reports);
        Assert.Contains("est publié sur l'observatoire public", list.QuerySelector("[role=status]").Text(), StringComparison.Ordinal);
        Assert.Contains("du 1er janvier au 30 novembre 2026", list.QuerySelector("table").Text(), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "PublishedReport" && e.NetworkId == demoNetwork)));

        var anonymous = app.CreateClient();
        var (pdf, response) = await PdfAsync(anonymous, PublishedReport.Url(id));
        using (pdf)
        {
            Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
            var text = Text(pdf);
            Assert.Contains("Version publique", text, StringComparison.Ordinal);
            Assert.Contains("Vallée du Lot et du Vignoble", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Recettes", text, StringComparison.Ordinal);
        }
        Assert.Equal(new[] { id }, await LinksAsync(app, demoNetwork));
        Assert.Empty(await LinksAsync(app, causseId));

        // The manager of Causse neither sees, publishes for nor withdraws the demo network's report.
        Assert.DoesNotContain("novembre 2026", (await causse.GetDocumentAsync(Reports)).QuerySelector("main").Text(), StringComparison.Ordinal);
        var foreign = await causse.SubmitFormAsync(Reports, new Dictionary<string, string> { ["Du"] = "2026-01-01", ["Au"] = "2026-10-31", ["Reseau"] = DemoData.NetworkSlug });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("Choisissez un réseau de la liste.", (await foreign.ParseAsync()).QuerySelector("[role=alert]").Text(), StringComparison.Ordinal);
        var withdrawByOther = await causse.SubmitFormAsync(Reports, new Dictionary<string, string>(), postTo: $"{Reports}?handler=Withdraw&id={id}");
        Assert.Equal(HttpStatusCode.NotFound, withdrawByOther.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.PublishedReports().CountAsync()));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(PublishedReport.Url(id), UriKind.Relative))).StatusCode);

        // A period without activity is not published.
        var empty = await demo.SubmitFormAsync(Reports, new Dictionary<string, string> { ["Du"] = "2010-01-01", ["Au"] = "2010-12-31" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Aucune activité enregistrée sur cette période", (await empty.ParseAsync()).QuerySelector("[role=alert]").Text(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.PublishedReports().CountAsync()));

        // Withdrawn: gone from the public, kept in the managers' list as withdrawn.
        var withdrawn = await demo.SubmitFormAsync(Reports, new Dictionary<string, string>(), postTo: $"{Reports}?handler=Withdraw&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(PublishedReport.Url(id), UriKind.Relative))).StatusCode);
        Assert.Empty(await LinksAsync(app, demoNetwork));
        Assert.Contains("retiré le", (await demo.GetDocumentAsync(Reports)).QuerySelector("table").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_the_same_period_again_replaces_the_report()
    {
        await using var app = await TestApp.StartAsync();
        await SeedAsync(app);
        var demo = await ManagerAsync(app, TestApp.ManagerEmail);
        for (var i = 0; i < 2; i++)
        {
            var published = await demo.SubmitFormAsync(Reports, new Dictionary<string, string> { ["Du"] = "2026-01-01", ["Au"] = "2026-11-30" });
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }
        var reports = await app.WithDbAsync(db => db.PublishedReports().OrderBy(r => r.Id).Select(r => new { r.Id, r.WithdrawnAtUtc }).ToListAsync());
        Assert.Equal(2, reports.Count);
        Assert.NotNull(reports[0].WithdrawnAtUtc);
        Assert.Null(reports[1].WithdrawnAtUtc);
    }

    /// <summary>
    /// Five years of months, twenty sites with long names (ten listed), thirty communes, events and revenue: the report stays within two
    /// pages, no two words overlap, and every word stays on the page.
    /// </summary>
    [Theory]
    [InlineData(false, 5, 20)]
    [InlineData(true, 5, 20)]
    [InlineData(false, 1, 3)] // the origins' tables, measured on the first page, go to the second
    public void A_large_report_holds_on_two_pages_without_overlapping_words(bool isPublic, int years, int sites)
    {
        var from = new DateOnly(2026 - years, 12, 1);
        var to = new DateOnly(2026, 12, 1);
        var today = to;
        var report = ActivityReport.Of(
            "Réseau des tiers-lieux et espaces de travail partagés de la Vallée du Lot, du Vignoble et du Causse de Limogne",
            "Syndicat mixte pour l'aménagement numérique et les tiers-lieux de la Vallée du Lot et Célé",
            null, Large(from, to, today, sites), isPublic, today) with { EpciName = "CC de la Vallée du Lot et du Vignoble" };
        using var pdf = PdfDocument.Open(ActivityReportPdf.Render(report));
        Assert.InRange(pdf.NumberOfPages, 1, 2);
        AssertNoOverlap(pdf);
        foreach (var page in pdf.GetPages())
        {
            foreach (var word in page.GetWords())
            {
                var box = word.BoundingBox;
                Assert.True(box.Left >= 40 && box.Right <= page.Width - 40 && box.Bottom >= 20 && box.Top <= page.Height - 20,
                    $"Page {page.Number}: « {word.Text} » is outside the margins");
            }
        }
        var text = Text(pdf);
        Assert.Contains("décembre 2026 (en cours)", report.Figures.NowFigures.Months[^1].Month.Text, StringComparison.Ordinal);
        Assert.Contains("mois en cours : chiffres partiels", text, StringComparison.Ordinal);
        Assert.Equal(sites > 10, text.Contains("Et 10 autres espaces", StringComparison.Ordinal));
        // Every table is drawn, also one measured on a page and drawn on the next.
        foreach (var heading in new[] { "Chiffres clés", "Commune ou code postal", "Département", "Région", "Occupation des postes" })
        {
            Assert.Contains(heading, text, StringComparison.Ordinal);
        }
        Assert.Contains(report.Places!.Communes[0].Label.Split(' ')[0], text, StringComparison.Ordinal);
        Assert.Equal(!isPublic, text.Contains("Recettes TTC", StringComparison.Ordinal));
    }

    [Fact]
    public void Periods_are_written_as_people_say_them()
    {
        Assert.Equal("du 1er janvier au 30 novembre 2026", ActivityReport.PeriodText(new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 30)));
        Assert.Equal("du 1er décembre 2025 au 30 novembre 2026", ActivityReport.PeriodText(new DateOnly(2025, 12, 1), new DateOnly(2026, 11, 30)));
        Assert.Equal("le 3 mars 2026", ActivityReport.PeriodText(new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3)));
        Assert.Equal("moins de 5", ActivityReport.Count(-1));
        Assert.Equal("1 234", ActivityReport.Count(1234));
        Assert.Equal("rapport-activite-causse-2026-01-01-2026-11-30.pdf", ActivityReport.FileName("causse", new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 30)));
    }

    private static Comparison Large(DateOnly from, DateOnly to, DateOnly today, int sites = 20)
    {
        IndicatorSet Set(DateOnly f, DateOnly t, int scale)
        {
            var months = new List<SiteMonth>();
            for (var s = 1; s <= sites; s++)
            {
                foreach (var span in MonthSpan.Between(f, t))
                {
                    months.Add(new SiteMonth(s, $"Tiers-lieu intercommunal et fablab de la commune nouvelle n° {s} en bord de Lot", $"{span.Month:yyyy-MM}",
                        Visits: (s * 37 * scale) + 1, DistinctVisitors: 3, RegularVisitors: 1, OccasionalVisitors: 2,
                        DeskDaysUsedTenths: 40 * s, DeskDaysOffered: 60 + s, EventsHeld: s % 3, Participants: s % 7, HelpSignups: 1));
                }
            }
            string[] postcodes =
            [
                "46000", "46090", "46100", "46110", "46120", "46130", "46140", "46150", "46160", "46170", "46200", "46220", "46230", "46240", "46250",
                "46260", "46270", "46300", "46310", "46320", "46330", "46340", "46400", "46500", "46600", "46700", "46800", "47500", "82150", "24250",
            ];
            List<Origin> origins = [.. postcodes.Select((p, i) => new Origin(p, 4 + (i * 13)))];
            return new IndicatorSet(f, t, months, origins, [new Revenue("Pass journée", 1_234_500 * scale)], 40 * scale, 1234)
            {
                Places = OriginGroups.Of(origins, ["244600433"]),
            };
        }
        var now = Set(from, to, 2);
        var before = Set(from.AddYears(-1), to.AddYears(-1), 1);
        return new Comparison(now, before, KeyFigures.Of(now, today), KeyFigures.Of(before, today));
    }

    /// <summary>The published reports the public observatory lists for a network (the view component's model).</summary>
    private static async Task<List<int>> LinksAsync(TestApp app, int networkId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var component = new PublishedReportsViewComponent(scope.ServiceProvider.GetRequiredService<AppDbContext>())
        {
            ViewComponentContext = new ViewComponentContext { ViewContext = new ViewContext { HttpContext = new DefaultHttpContext { RequestServices = scope.ServiceProvider } } },
        };
        var result = Assert.IsType<ViewViewComponentResult>(await component.InvokeAsync(networkId));
        return [.. Assert.IsAssignableFrom<IReadOnlyList<PublicReportLink>>(result.ViewData!.Model).Select(l => l.Id)];
    }

    private static void AssertNoOverlap(PdfDocument pdf)
    {
        foreach (var page in pdf.GetPages())
        {
            var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
            for (var a = 0; a < words.Count; a++)
            {
                for (var b = a + 1; b < words.Count; b++)
                {
                    Assert.False(Overlap(words[a], words[b]), $"Page {page.Number}: « {words[a].Text} » {Box(words[a])} overlaps « {words[b].Text} » {Box(words[b])}");
                }
            }
        }
    }

    private static bool Overlap(Word a, Word b)
    {
        const double tolerance = 0.5;
        var x = a.BoundingBox;
        var y = b.BoundingBox;
        return x.Left < y.Right - tolerance && y.Left < x.Right - tolerance && x.Bottom < y.Top - tolerance && y.Bottom < x.Top - tolerance;
    }

    private static string Box(Word w) =>
        string.Create(CultureInfo.InvariantCulture, $"[{w.BoundingBox.Left:0.#}, {w.BoundingBox.Bottom:0.#} – {w.BoundingBox.Right:0.#}, {w.BoundingBox.Top:0.#}]");
}
