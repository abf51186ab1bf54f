using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Billing.Companies;
using Cotravail.Web.Features.Billing.Entitlements;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Billing;

/// <summary>
/// The managers' invoice list: fifty a page, filtered by dates, status, site, person and company, each row with its
/// status; the same status on the member's page and in the API. Two networks: nothing crosses.
/// </summary>
public sealed class InvoiceListTests
{
    /// <summary>The invoices of the demo network (on 1 December 2026) and of a second network « Causse ».</summary>
    private sealed record Seeded(int Overdue, int PartlyPaid, int Unpaid, int Paid, int Credited, int CreditNote, int OtherNetwork,
        int Luzech, int OtherSite, int CompanyId, string OtherManager);

    private static async Task<Seeded> SeedAsync(TestApp app)
    {
        var other = await app.CreateOtherNetworkAsync();
        var member = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == TestApp.MemberEmail));
        string helene;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = "helene@exemple.fr", Email = "helene@exemple.fr", EmailConfirmed = true, FirstName = "Hélène", LastName = "Dupré" };
            Assert.True((await users.CreateAsync(user, TestApp.DemoPassword)).Succeeded);
            helene = user.Id;
        }
        var luzech = await app.SiteAsync("luzech");
        var prayssac = await app.SiteAsync("prayssac");
        return await app.WithDbAsync(async db =>
        {
            var network = luzech.NetworkId;
            var manager = await db.Users.Where(u => u.Email == TestApp.ManagerEmail).Select(u => u.Id).SingleAsync();
            var company = new Company { NetworkId = network, Name = "Menuiserie du Lot", Siret = "12345678900011", BillingAddress = "1 rue du Port, 46140 Luzech" };
            db.Companies.Add(company);
            db.Companies.Add(new Company { NetworkId = other.Network.Id, Name = "Menuiserie du Causse", Siret = "12345678900011", BillingAddress = "Lalbenque" });
            var overdue = Add(db, network, 1, new(2026, 10, 1), 3000, "Membre Démo", member.Id);
            var partly = Add(db, network, 2, new(2026, 11, 20), 2000, "Membre Démo", member.Id);
            var unpaid = Add(db, network, 3, new(2026, 11, 25), 1500, "Hélène Dupré", helene);
            var paid = Add(db, network, 4, new(2026, 11, 10), 5000, "Menuiserie du Lot", null, company.Siret);
            var credited = Add(db, network, 5, new(2026, 9, 1), 1000, "Membre Démo", member.Id);
            var note = Add(db, network, 6, new(2026, 9, 2), 1000, "Membre Démo", member.Id);
            note.Kind = InvoiceKind.CreditNote;
            for (var n = 0; n < 55; n++)
            {
                Add(db, network, 100 + n, new(2026, 6, 15), 100, $"Client {n}", null);
            }
            var elsewhere = Add(db, other.Network.Id, 1, new(2026, 10, 1), 4000, "Hélène Dupré", helene); // the same person, in both networks
            Add(db, other.Network.Id, 2, new(2026, 11, 10), 4000, "Menuiserie du Causse", null, company.Siret);
            await db.SaveChangesAsync();
            note.CreditedInvoiceId = credited.Id;
            db.Payments.Add(new Payment { InvoiceId = partly.Id, NetworkId = network, Method = PaymentMethod.Card, AmountCents = 500, RecordedAtUtc = TestApp.DefaultNow.UtcDateTime, RecordedByUserId = manager });
            db.Payments.Add(new Payment { InvoiceId = paid.Id, NetworkId = network, Method = PaymentMethod.Transfer, AmountCents = 5000, RecordedAtUtc = TestApp.DefaultNow.UtcDateTime, RecordedByUserId = manager });
            // What the invoices sold: a carnet of Luzech on the partly paid one, one of Prayssac on the unpaid one.
            foreach (var (invoice, site, user) in new[] { (partly, luzech, member.Id), (unpaid, prayssac, helene) })
            {
                var product = await db.Products.FirstAsync(p => p.SiteId == site.Id);
                db.Entitlements.Add(new Entitlement
                {
                    NetworkId = network, SiteId = site.Id, ProductId = product.Id, UserId = user, Kind = product.Kind, Name = product.Name,
                    StartsOn = new(2026, 11, 20), ExpiresOn = new(2027, 5, 19), InvoiceId = invoice.Id, CreatedAtUtc = TestApp.DefaultNow.UtcDateTime,
                });
            }
            await db.SaveChangesAsync();
            return new Seeded(overdue.Id, partly.Id, unpaid.Id, paid.Id, credited.Id, note.Id, elsewhere.Id, luzech.Id, other.Site.Id, company.Id, other.Manager.Email!);
        });
    }

    private static Invoice Add(AppDbContext db, int network, int sequence, DateOnly issued, int total, string client, string? userId, string? siret = null)
    {
        var invoice = new Invoice
        {
            NetworkId = network, Kind = InvoiceKind.Invoice, Number = $"F2026-{sequence:000000}", Year = 2026, Sequence = sequence,
            IssueDate = issued, IssuedAtUtc = DateTime.SpecifyKind(issued.ToDateTime(new TimeOnly(10, 0)), DateTimeKind.Utc), DueDate = issued.AddDays(30),
            IssuerName = "Réseau", IssuerAddress = "Mairie", UserId = userId, ClientName = client, ClientSiret = siret, IsBusinessClient = siret is not null,
            PaymentTerms = "30 jours", TotalExclTaxCents = total, VatCents = 0, TotalInclTaxCents = total,
        };
        db.Invoices.Add(invoice);
        return invoice;
    }

    private static List<IElement> Rows(IDocument page) => [.. page.QuerySelectorAll("#factures tbody tr")];

    private static string Cell(IElement row, int index) => row.QuerySelectorAll("th, td")[index].Text();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Managers_page_through_their_invoices_filtered_by_status_dates_site_person_and_company(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await SeedAsync(app);
        var browser = app.Browser();
        await browser.SignInAsync(TestApp.ManagerEmail);

        var first = await browser.GetDocumentAsync("/gestion/factures");
        Assert.Equal(50, Rows(first).Count);
        Assert.Equal("Factures et avoirs, page 1 sur 2", first.QuerySelector("#factures-titre").Text());
        Assert.Contains("Page 1 sur 2", first.QuerySelector("nav .pager").Text(), StringComparison.Ordinal);
        Assert.Equal("/gestion/factures?numero=2", first.QuerySelector("nav .pager a[rel=next]")!.GetAttribute("href"));
        Assert.DoesNotContain("Émettre un avoir", first.Body.Text(), StringComparison.Ordinal);
        Assert.Empty(first.QuerySelectorAll("form[method=post] input[name=invoiceId]"));
        var newest = Rows(first)[0];
        Assert.Equal("Facture F2026-000003", Cell(newest, 0));
        Assert.Equal($"/gestion/factures/{s.Unpaid}", newest.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("à régler", Cell(newest, 5));
        var second = await browser.GetDocumentAsync("/gestion/factures?numero=2");
        Assert.Equal(11, Rows(second).Count); // 5 invoices, 1 credit note and 55 more in the network; none of Causse's
        Assert.DoesNotContain(Rows(first).Concat(Rows(second)), r => r.Text().Contains("Causse", StringComparison.Ordinal));

        var late = await browser.GetDocumentAsync("/gestion/factures?statut=overdue");
        Assert.Equal("56 factures et avoirs.", late.QuerySelector("#nombre").Text());
        Assert.Equal("/gestion/factures?statut=overdue&numero=2", late.QuerySelector("nav .pager a[rel=next]")!.GetAttribute("href"));
        var lateTwo = await browser.GetDocumentAsync("/gestion/factures?statut=overdue&numero=2");
        Assert.Equal(6, Rows(lateTwo).Count);
        Assert.All(Rows(late).Concat(Rows(lateTwo)), r => Assert.Equal("en retard", Cell(r, 5)));
        Assert.Equal("overdue", lateTwo.QuerySelector("#statut option[selected]")!.GetAttribute("value"));

        async Task<List<string>> NumbersAsync(string query) =>
            [.. Rows(await browser.GetDocumentAsync("/gestion/factures?" + query)).Select(r => Cell(r, 0))];
        Assert.Equal(["Facture F2026-000002"], await NumbersAsync("statut=partlyPaid"));
        Assert.Equal(["Facture F2026-000003"], await NumbersAsync("statut=unpaid"));
        Assert.Equal(["Facture F2026-000004"], await NumbersAsync("statut=paid"));
        Assert.Equal(["Facture F2026-000005"], await NumbersAsync("statut=credited"));
        Assert.Equal(["Facture F2026-000003", "Facture F2026-000002", "Facture F2026-000004"], await NumbersAsync("du=2026-11-01&au=2026-11-30"));
        Assert.Equal(["Facture F2026-000002"], await NumbersAsync($"site={s.Luzech}"));
        Assert.Equal(["Facture F2026-000003"], await NumbersAsync("personne=helene+DUPRE"));
        Assert.Equal(["Facture F2026-000004"], await NumbersAsync($"entreprise={s.CompanyId}"));
        Assert.Equal(["Facture F2026-000002"], await NumbersAsync($"statut=partlyPaid&site={s.Luzech}&du=2026-11-01"));

        var credited = await browser.GetDocumentAsync("/gestion/factures?du=2026-09-01&au=2026-09-30");
        Assert.Equal(["Avoir", "annulée par avoir"], Rows(credited).Select(r => Cell(r, 5)));
        Assert.Equal("Avoir F2026-000006", Cell(Rows(credited)[0], 0));

        // The other network's manager sees only Causse's invoices, whatever the filter.
        var causse = app.Browser();
        await causse.SignInAsync(s.OtherManager);
        var theirs = await causse.GetDocumentAsync("/gestion/factures?personne=Helene");
        Assert.Equal(["Facture F2026-000001"], Rows(theirs).Select(r => Cell(r, 0)));
        Assert.Equal($"/gestion/factures/{s.OtherNetwork}", Rows(theirs)[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("en retard", Cell(Rows(theirs)[0], 5));
        Assert.Equal(2, Rows(await causse.GetDocumentAsync("/gestion/factures")).Count);
        var notTheirs = await causse.GetDocumentAsync($"/gestion/factures?site={s.Luzech}&entreprise={s.CompanyId}");
        Assert.Empty(Rows(notTheirs));
        Assert.Contains("Choisissez un tiers-lieu dans la liste.", notTheirs.QuerySelector("#erreurs").Text(), StringComparison.Ordinal);
        Assert.Contains("Choisissez une entreprise dans la liste.", notTheirs.QuerySelector("#erreurs").Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("Luzech", notTheirs.QuerySelector("#site").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_filter_gets_a_french_message_and_no_list()
    {
        await using var app = await TestApp.StartAsync();
        var browser = app.Browser();
        await browser.SignInAsync(TestApp.ManagerEmail);
        var page = await browser.GetDocumentAsync("/gestion/factures?du=2026-13-45&au=hier&statut=payee&site=abc&personne=%C3%A9&numero=-3");
        Assert.Equal("La date s'écrit AAAA-MM-JJ (par exemple 2026-12-01), entre l'an 2000 et l'an 2100.", page.QuerySelector("#du-erreur").Text());
        Assert.Equal("La date s'écrit AAAA-MM-JJ (par exemple 2026-12-01), entre l'an 2000 et l'an 2100.", page.QuerySelector("#au-erreur").Text());
        Assert.Equal("Choisissez un état dans la liste.", page.QuerySelector("#statut-erreur").Text());
        Assert.Equal("Choisissez un tiers-lieu dans la liste.", page.QuerySelector("#site-erreur").Text());
        Assert.Equal("Tapez au moins deux lettres du nom.", page.QuerySelector("#personne-erreur").Text());
        Assert.Equal("true", page.QuerySelector("#du")!.GetAttribute("aria-invalid"));
        Assert.Null(page.QuerySelector("#factures"));
        var reversed = await browser.GetDocumentAsync("/gestion/factures?du=2026-12-01&au=2026-11-01");
        Assert.Equal("La date de fin doit suivre la date de début.", reversed.QuerySelector("#au-erreur").Text());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_status_shows_on_the_members_page_and_in_the_api(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await SeedAsync(app);

        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var mine = (await member.GetFromJsonAsync<JsonElement>("/api/v1/me/invoices")).EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetInt32());
        Assert.Equal(4, mine.Count);
        Assert.Equal("overdue", mine[s.Overdue].GetProperty("status").GetString());
        Assert.Equal(3000, mine[s.Overdue].GetProperty("dueCents").GetInt32());
        Assert.Equal("partlyPaid", mine[s.PartlyPaid].GetProperty("status").GetString());
        Assert.Equal(1500, mine[s.PartlyPaid].GetProperty("dueCents").GetInt32());
        Assert.Equal("credited", mine[s.Credited].GetProperty("status").GetString());
        Assert.Equal(0, mine[s.Credited].GetProperty("dueCents").GetInt32());
        Assert.Equal(JsonValueKind.Null, mine[s.CreditNote].GetProperty("status").ValueKind);

        var browser = app.Browser();
        await browser.SignInAsync(TestApp.MemberEmail);
        var page = await browser.GetDocumentAsync("/mes-factures");
        var rows = page.QuerySelectorAll("main table tbody tr").ToDictionary(r => r.QuerySelector("th").Text(), r => r.QuerySelectorAll("td")[4].Text());
        Assert.Equal("en retard", rows["Facture F2026-000001"]);
        Assert.Equal("réglée en partie", rows["Facture F2026-000002"]);
        Assert.Equal("annulée par avoir", rows["Facture F2026-000005"]);
        Assert.Equal("Avoir", rows["Avoir F2026-000006"]);

        var manager = await app.ApiClientAsync(TestApp.ManagerEmail);
        var overdue = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/invoices?status=overdue")).EnumerateArray().ToList();
        Assert.Equal(56, overdue.Count);
        Assert.All(overdue, i => Assert.Equal("overdue", i.GetProperty("status").GetString()));
        Assert.DoesNotContain(overdue, i => i.GetProperty("id").GetInt32() == s.OtherNetwork);
        var paid = Assert.Single((await manager.GetFromJsonAsync<JsonElement>("/api/v1/invoices?status=paid")).EnumerateArray());
        Assert.Equal(s.Paid, paid.GetProperty("id").GetInt32());
        Assert.Equal(s.Unpaid, Assert.Single((await manager.GetFromJsonAsync<JsonElement>("/api/v1/invoices?status=UNPAID")).EnumerateArray()).GetProperty("id").GetInt32());
        var bad = await manager.GetAsync(new Uri("/api/v1/invoices?status=payee", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Contains("paid, partlyPaid, unpaid, overdue, credited", (await bad.JsonAsync()).GetProperty("errors").GetProperty("status")[0].GetString(), StringComparison.Ordinal);
    }
}
