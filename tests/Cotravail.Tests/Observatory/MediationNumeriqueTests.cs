using System.Text;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Sites;
using Cotravail.Web.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Observatory;

/// <summary>
/// The sites in the national open-data standard « Lieux de médiation numérique » v1.0.2: every row of the export is
/// checked against the official schema file (types, required fields, patterns, enumerations, the « | » separator).
/// </summary>
public sealed class MediationNumeriqueTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private const string Url = "/api/v1/opendata/lieux-mediation-numerique.csv";

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Standards", "mediation-num-1.0.2");

    private static TableSchema Schema => TableSchema.Read(Path.Combine(Folder, "schema.json"));

    [Fact]
    public void The_checker_accepts_the_publishers_example_and_refuses_a_spoilt_copy()
    {
        var example = File.ReadAllText(Path.Combine(Folder, "exemple-valide.csv"));
        Assert.Empty(Schema.Check(example));

        var spoilt = example.Replace("\"51100\"", "\"5110\"", StringComparison.Ordinal)
            .Replace("\"Anonymal\"", "\"\"", StringComparison.Ordinal)
            .Replace("Maîtrise des outils numériques du quotidien|", "Maîtrise des outils|", StringComparison.Ordinal)
            .Replace("\"43.52609\"", "\"nord\"", StringComparison.Ordinal);
        var faults = Schema.Check(spoilt);
        Assert.Contains(faults, f => f.Contains("code_postal", StringComparison.Ordinal));
        Assert.Contains(faults, f => f.Contains("nom", StringComparison.Ordinal) && f.EndsWith("required", StringComparison.Ordinal));
        Assert.Contains(faults, f => f.Contains("services", StringComparison.Ordinal));
        Assert.Contains(faults, f => f.Contains("latitude", StringComparison.Ordinal) && f.EndsWith("not a number", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_site_of_a_network_with_a_siret_is_a_valid_row(string provider)
    {
        var app = await apps.GetAsync(provider);
        var luzechId = (await app.SiteAsync("luzech")).Id;
        await app.WithDbAsync(async db =>
        {
            db.Events.Add(new Event
            {
                SiteId = luzechId, Kind = EventKind.Workshop, Title = "Atelier", StartUtc = new DateTime(2026, 12, 10, 9, 0, 0, DateTimeKind.Utc),
                EndUtc = new DateTime(2026, 12, 10, 11, 0, 0, DateTimeKind.Utc), Capacity = 10, Status = EventStatus.Published, OrganiserName = "Luzech",
            });
            return await db.SaveChangesAsync();
        });
        var response = await app.CreateClient().GetAsync(new Uri(Url, UriKind.Relative));
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no byte order mark");
        var csv = Encoding.UTF8.GetString(bytes);

        Assert.Empty(Schema.Check(csv));
        var rows = TableSchema.ParseCsv(csv);
        var header = rows[0].ToList();
        string Value(string[] row, string field) => row[header.IndexOf(field)];
        var luzech = rows.Single(r => r[header.IndexOf("nom")] == "Tiers-lieu de Luzech");
        Assert.Equal("46182", Value(luzech, "code_insee"));
        Assert.Equal("46140", Value(luzech, "code_postal"));
        Assert.Equal("20006654600017", Value(luzech, "pivot"));
        Assert.Equal("TIERS_LIEUX", Value(luzech, "typologie"));
        Assert.StartsWith("44.4", Value(luzech, "latitude"), StringComparison.Ordinal);
        Assert.StartsWith("1.2", Value(luzech, "longitude"), StringComparison.Ordinal);
        Assert.Equal("Payant", Value(luzech, "frais_a_charge"));
        Assert.Equal("Accès internet et matériel informatique", Value(luzech, "services"));
        Assert.EndsWith("; PH off", Value(luzech, "horaires"), StringComparison.Ordinal);
        Assert.Equal("En autonomie|Dans un atelier collectif", Value(luzech, "modalites_accompagnement"));
        var withEvents = await app.WithDbAsync(db => db.Events.Where(e => e.Status == EventStatus.Published).Select(e => e.Site!.Name).Distinct().ToListAsync());
        Assert.All(rows.Skip(1), r => Assert.Equal(
            withEvents.Contains(Value(r, "nom")) ? "En autonomie|Dans un atelier collectif" : "En autonomie", Value(r, "modalites_accompagnement")));
        Assert.EndsWith("/espaces/luzech", Value(luzech, "site_web"), StringComparison.Ordinal);
        Assert.Equal(3, rows.Skip(1).Count(r => Value(r, "pivot") == "20006654600017"));
    }

    [Fact]
    public async Task A_network_without_siret_is_left_out_and_one_with_a_siret_comes_in()
    {
        await using var app = await TestApp.StartAsync();
        var (network, site, _) = await app.CreateOtherNetworkAsync();
        var client = app.CreateClient();
        Assert.DoesNotContain("Lalbenque", await client.GetStringAsync(new Uri(Url, UriKind.Relative)), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromDays(10));
        var changedOn = Cotravail.Web.Features.Billing.Entitlements.ParisDay.Today(app.Clock);
        await app.WithDbAsync(async db =>
        {
            (await db.Networks.FindAsync(network.Id))!.Siret = "21460156100017";
            var s = (await db.Sites.FindAsync(site.Id))!;
            s.Phone = "05 65 21 00 00";
            s.Description = new string('x', 400);
            return await db.SaveChangesAsync();
        });
        var csv = await client.GetStringAsync(new Uri(Url, UriKind.Relative));
        Assert.Empty(Schema.Check(csv));
        var row = TableSchema.ParseCsv(csv).Single(r => r.Contains("Tiers-lieu de Lalbenque"));
        Assert.Contains("+33565210000", row);
        Assert.Contains("46148", row); // Lalbenque's INSEE code
        Assert.Contains(row, v => v.Length == 280 && v.EndsWith('…'));

        // « date_maj » is the day the site's description last changed, not the day of the export.
        app.Clock.Advance(TimeSpan.FromDays(5));
        var later = TableSchema.ParseCsv(await client.GetStringAsync(new Uri(Url, UriKind.Relative))).Single(r => r.Contains("Tiers-lieu de Lalbenque"));
        Assert.Contains($"{changedOn:yyyy-MM-dd}", later);
        Assert.DoesNotContain($"{Cotravail.Web.Features.Billing.Entitlements.ParisDay.Today(app.Clock):yyyy-MM-dd}", later);
    }

    [Theory]
    [InlineData("05 65 12 34 56", "+33565123456")]
    [InlineData("+33 5 65 12 34 56", "+33565123456")]
    [InlineData("0565123456", "+33565123456")]
    [InlineData("12 34", "")]
    [InlineData("00 65 12 34 56", "")]
    [InlineData(null, "")]
    public void Phone_numbers_are_written_in_the_international_form(string? phone, string expected) =>
        Assert.Equal(expected, Cotravail.Web.Features.Observatory.MediationNumerique.Phone(phone));

    [Fact]
    public void Opening_hours_follow_openstreetmap_syntax()
    {
        static OpeningHours Day(DayOfWeek d, int open, int close, int? open2 = null, int? close2 = null) => new()
        {
            Day = d, Opens = new TimeOnly(open, 0), Closes = new TimeOnly(close, 0),
            Opens2 = open2 is { } o ? new TimeOnly(o, 30) : null, Closes2 = close2 is { } c ? new TimeOnly(c, 0) : null,
        };
        var week = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => Day(d, 8, 12, 13, 22)).Append(Day(DayOfWeek.Saturday, 9, 12)).Append(Day(DayOfWeek.Sunday, 9, 12));
        Assert.Equal("Mo-Fr 08:00-12:00,13:30-22:00; Sa,Su 09:00-12:00; PH off", OsmOpeningHours.Of(week, closedOnPublicHolidays: true));
        Assert.Equal("Mo 08:00-12:00; We 08:00-12:00", OsmOpeningHours.Of([Day(DayOfWeek.Wednesday, 8, 12), Day(DayOfWeek.Monday, 8, 12)], false));
        Assert.Equal("off", OsmOpeningHours.Of([], true));
    }
}
