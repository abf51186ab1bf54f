using System.Net;
using System.Text;
using Cotravail.Tests.Accounts;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Audit;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Audit;

/// <summary>ADR 0044: the journal reads in French, one entry per save, with links, filters and the same CSV.</summary>
public sealed class ReadableJournalTests
{
    private static async Task<List<string[]>> RowsAsync(HttpClient manager, string query = "")
    {
        var page = await manager.GetDocumentAsync("/gestion/journal" + query);
        return [.. page.QuerySelectorAll("#journal tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.Text()).ToArray())];
    }

    private static async Task<HttpClient> ManagerAsync(TestApp app, string email = TestApp.ManagerEmail)
    {
        var manager = app.Browser();
        await manager.SignInAsync(email);
        return manager;
    }

    /// <summary>The day price of Luzech goes from 15 € to 12 € and its public holidays change, in one save.</summary>
    private static async Task<Site> ChangeLuzechPricesAsync(TestApp app)
    {
        var luzech = await app.SiteAsync("luzech");
        await app.WithDbAsync(async db =>
        {
            var site = await db.Sites.SingleAsync(s => s.Id == luzech.Id);
            site.DayPriceCents = 1500;
            site.ClosedOnPublicHolidays = true;
            await db.SaveChangesAsync();
            site.DayPriceCents = 1200;
            site.ClosedOnPublicHolidays = false;
            return await db.SaveChangesAsync();
        });
        return luzech;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_day_price_change_reads_in_euros_with_French_labels_and_links_to_the_site(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var luzech = await ChangeLuzechPricesAsync(app);
        var manager = await ManagerAsync(app);

        var page = await manager.GetDocumentAsync("/gestion/journal?Type=Site");
        var row = page.QuerySelectorAll("#journal tbody tr").First();
        var cells = row.QuerySelectorAll("td").Select(td => td.Text()).ToArray();
        Assert.Equal("Modification", cells[3]);
        Assert.Equal($"Espace modifié · n° {luzech.Id} · {luzech.Name}", cells[4]);
        Assert.Contains("Prix à la journée : 15,00 € → 12,00 €", cells[6], StringComparison.Ordinal);
        Assert.Contains("Fermé les jours fériés : oui → non", cells[6], StringComparison.Ordinal);
        Assert.DoesNotContain("DayPriceCents", cells[6], StringComparison.Ordinal);
        Assert.DoesNotContain("True", cells[6], StringComparison.Ordinal);
        // The site is a link to its page; the time is French and local.
        Assert.Equal($"/gestion/espaces/{luzech.Id}", row.QuerySelector("td:nth-child(5) a")!.GetAttribute("href"));
        Assert.Matches(@"^1er décembre 2026 à \d{1,2} h \d{2}$", cells[0]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_change_of_a_week_s_hours_is_one_entry_listing_the_days_changed(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var luzech = await app.SiteAsync("luzech");
        // As the hours form saves them: the week's rows replaced, Monday with a lunch break, Wednesday closed.
        await app.WithDbAsync(async db =>
        {
            var week = await db.OpeningHours.Where(h => h.SiteId == luzech.Id).ToListAsync();
            db.OpeningHours.RemoveRange(week);
            foreach (var day in week.Where(d => d.Day != DayOfWeek.Wednesday))
            {
                db.OpeningHours.Add(day.Day == DayOfWeek.Monday
                    ? new OpeningHours { SiteId = luzech.Id, Day = day.Day, Opens = new(8, 30), Closes = new(12, 30), Opens2 = new(13, 30), Closes2 = new(18, 0) }
                    : new OpeningHours { SiteId = luzech.Id, Day = day.Day, Opens = day.Opens, Closes = day.Closes, Opens2 = day.Opens2, Closes2 = day.Closes2 });
            }
            return await db.SaveChangesAsync();
        });

        var entry = Assert.Single(await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "OpeningHours").ToListAsync()));
        Assert.Equal(luzech.Id, entry.SiteId);
        var manager = await ManagerAsync(app);
        var row = Assert.Single(await RowsAsync(manager, "?Type=OpeningHours"));
        Assert.StartsWith("Horaires d'ouverture modifiés", row[4], StringComparison.Ordinal);
        Assert.Matches(@"lundi : \d{1,2} h \d{2} – \d{1,2} h \d{2} → 8 h 30 – 12 h 30, 13 h 30 – 18 h 00", row[6]);
        Assert.Matches(@"mercredi : \d{1,2} h \d{2} – \d{1,2} h \d{2}(, \d{1,2} h \d{2} – \d{1,2} h \d{2})? → fermé", row[6]);
        Assert.DoesNotContain("mardi", row[6], StringComparison.Ordinal);
        Assert.DoesNotContain("Opens", row[6], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_credit_note_reads_Avoir_with_French_dates_and_no_personal_data(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var network = await app.WithDbAsync(db => db.Networks.Where(n => n.Slug == DemoData.NetworkSlug).Select(n => n.Id).SingleAsync());
        await app.WithDbAsync(db =>
        {
            db.Invoices.Add(new Invoice
            {
                NetworkId = network, Kind = InvoiceKind.CreditNote, Number = "A2026-900001", Year = 2026, Sequence = 900001,
                IssueDate = new DateOnly(2026, 12, 10), IssuedAtUtc = new DateTime(2026, 12, 10, 8, 15, 0, DateTimeKind.Utc), DueDate = new DateOnly(2026, 12, 1),
                IssuerName = "Réseau", IssuerAddress = "1 place", ClientName = "Sophie Martin", ClientEmail = "sophie.privee@exemple.fr",
                ClientAddress = "3 chemin des Vignes", PaymentTerms = "À réception", TotalExclTaxCents = -1500, TotalInclTaxCents = -1500, CreditReason = "Erreur de tarif",
            });
            return db.SaveChangesAsync();
        });

        var stored = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityType == "Invoice"));
        Assert.DoesNotContain("sophie.privee", stored.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("chemin des Vignes", stored.Changes, StringComparison.Ordinal);
        var manager = await ManagerAsync(app);
        var row = Assert.Single(await RowsAsync(manager, "?Type=Invoice"));
        Assert.StartsWith("Facture créée", row[4], StringComparison.Ordinal);
        Assert.Contains("Type : Avoir", row[6], StringComparison.Ordinal);
        Assert.DoesNotContain("CreditNote", row[6], StringComparison.Ordinal);
        Assert.Contains("Date d'émission : 10 décembre 2026", row[6], StringComparison.Ordinal);
        Assert.Contains("Échéance : 1er décembre 2026", row[6], StringComparison.Ordinal);
        Assert.Contains("Émise le : 10 décembre 2026 à 9 h 15", row[6], StringComparison.Ordinal);
        Assert.Contains("Total TTC : -15,00 €", row[6], StringComparison.Ordinal);
        Assert.DoesNotContain("sophie.privee", row[6], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Entries_written_before_one_entry_per_save_still_read_in_French(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var luzech = await app.SiteAsync("luzech");
        var at = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
        // As the previous version wrote them: one record a line, its raw values, dates in invariant (US) order.
        var changes = "{\"SiteId\":[null,\"" + luzech.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + "\"],\"StartDate\":[null,\"12/10/2026\"],\"EndDate\":[null,\"12/01/2026\"],\"Reason\":[null,\"Travaux de fibre\"]}";
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"AuditEntries\" (\"AtUtc\", \"NetworkId\", \"EntityType\", \"EntityKey\", \"Action\", \"Changes\") VALUES ({at}, {luzech.NetworkId}, 'Closure', '77', 'Created', {changes})"));
        var manager = await ManagerAsync(app);
        var row = Assert.Single(await RowsAsync(manager, "?Type=Closure"));
        Assert.Equal("Fermeture créée · n° 77", row[4]);
        Assert.Contains("Du : 10 décembre 2026", row[6], StringComparison.Ordinal);
        Assert.Contains("Au : 1er décembre 2026", row[6], StringComparison.Ordinal);
        Assert.Contains($"Espace : {luzech.Name}", row[6], StringComparison.Ordinal);
        Assert.Contains("Motif : Travaux de fibre", row[6], StringComparison.Ordinal);
        Assert.Equal("2 novembre 2026 à 10 h 00", row[0]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_journal_filters_by_site_and_kind_keeps_them_across_pages_and_exports_them_in_French(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var luzech = await ChangeLuzechPricesAsync(app);
        var prayssac = await app.SiteAsync("prayssac");
        await app.WithDbAsync(async db =>
        {
            db.Closures.Add(new Closure { SiteId = prayssac.Id, StartDate = new DateOnly(2026, 12, 9), EndDate = new DateOnly(2026, 12, 10), Reason = "Travaux de fibre" });
            db.Closures.Add(new Closure { SiteId = luzech.Id, StartDate = new DateOnly(2027, 1, 4), EndDate = new DateOnly(2027, 1, 5), Reason = "Inventaire" });
            await db.SaveChangesAsync();
            // Sixty changes of Luzech's day price: two pages.
            var site = await db.Sites.SingleAsync(s => s.Id == luzech.Id);
            for (var i = 0; i < 60; i++)
            {
                site.DayPriceCents = 1300 + i;
                await db.SaveChangesAsync();
            }
            return 0;
        });
        var manager = await ManagerAsync(app);

        // The closures' save concerns two sites: it is one entry, found under neither site, but under its kind.
        var closures = await RowsAsync(manager, "?Type=Closure&Action=Created");
        var both = Assert.Single(closures);
        Assert.Equal("Fermetures créées", both[4]);
        Assert.Contains("Inventaire", both[6], StringComparison.Ordinal);
        Assert.Contains("Travaux de fibre", both[6], StringComparison.Ordinal);
        Assert.Empty(await RowsAsync(manager, "?Type=Closure&Action=Deleted"));
        Assert.Empty(await RowsAsync(manager, $"?Site={prayssac.Id}&Type=Site"));

        var first = await manager.GetDocumentAsync($"/gestion/journal?Site={luzech.Id}&Type=Site&Action=Updated");
        Assert.Equal("61 enregistrements.", first.QuerySelector("#nombre").Text());
        Assert.Equal(luzech.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), first.QuerySelector("#Site option[selected]")!.GetAttribute("value"));
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains($"Site={luzech.Id}", next, StringComparison.Ordinal);
        Assert.Contains("Action=Updated", next, StringComparison.Ordinal);
        var second = await manager.GetDocumentAsync(next);
        Assert.Equal(11, second.QuerySelectorAll("#journal tbody tr").Length);

        // The CSV: the same search, the same French labels and values, times local with their offset.
        var csvLink = first.QuerySelector("#export-csv")!.GetAttribute("href")!;
        var response = await manager.GetAsync(new Uri(csvLink, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Date et heure (heure locale);Qui;Adresse IP;Action;Quoi;N°;Espace;Concerne;Changements", lines[0]);
        Assert.Equal(62, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^2026-12-01 \d{2}:\d{2}:\d{2} \+01:00;", l));
        Assert.Contains(lines, l => l.Contains($";Modification;Espace modifié;{luzech.Id};{luzech.Name};;", StringComparison.Ordinal)
            && l.EndsWith(";\"Prix à la journée : 15,00\u00a0€ → 12,00\u00a0€ ; Fermé les jours fériés : oui → non\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("DayPriceCents", StringComparison.Ordinal) || l.Contains("Inventaire", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_manager_of_another_network_reads_none_of_the_first_network_s_entries_whatever_the_filter(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var luzech = await ChangeLuzechPricesAsync(app);
        var (_, lalbenque, _) = await app.CreateOtherNetworkAsync();
        await app.WithDbAsync(async db =>
        {
            var site = await db.Sites.SingleAsync(s => s.Id == lalbenque.Id);
            site.DayPriceCents = 1100;
            return await db.SaveChangesAsync();
        });
        var other = await ManagerAsync(app, "gestion@causse.test");

        var own = string.Join("\n", (await RowsAsync(other, "")).Select(r => string.Join(" ", r)));
        Assert.Contains("Prix à la journée : 12,00 € → 11,00 €", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Luzech", own, StringComparison.Ordinal);
        Assert.DoesNotContain("→ 12,00 €", own, StringComparison.Ordinal);

        // A crafted filter naming the first network's site: refused in French, nothing read.
        var crafted = await other.GetDocumentAsync($"/gestion/journal?Site={luzech.Id}");
        Assert.Equal("Choisissez un espace dans la liste.", crafted.ErrorFor("Site"));
        Assert.Empty(crafted.QuerySelectorAll("#journal tbody tr"));
        Assert.DoesNotContain(crafted.QuerySelectorAll("#Site option"), o => o.GetAttribute("value") == luzech.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var csv = await other.GetAsync(new Uri($"/gestion/journal?handler=Csv&Site={luzech.Id}", UriKind.Relative));
        Assert.DoesNotContain("Luzech", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var all = await other.GetAsync(new Uri("/gestion/journal?handler=Csv", UriKind.Relative));
        var text = await all.Content.ReadAsStringAsync();
        Assert.Contains("11,00", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Luzech", text, StringComparison.Ordinal);
        Assert.DoesNotContain("→ 12,00", text, StringComparison.Ordinal);

        // The first network's manager reads theirs, and not the other's.
        var first = string.Join("\n", (await RowsAsync(await ManagerAsync(app), "")).Select(r => string.Join(" ", r)));
        Assert.Contains("Prix à la journée : 15,00 € → 12,00 €", first, StringComparison.Ordinal);
        Assert.DoesNotContain("11,00 €", first, StringComparison.Ordinal);
    }
}
