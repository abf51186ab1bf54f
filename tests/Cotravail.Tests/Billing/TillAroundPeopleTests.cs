using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Billing.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cotravail.Tests.Billing.TillForms;

namespace Cotravail.Tests.Billing;

/// <summary>The till built around people: find them by name, see what they owe here, take one payment for several invoices, hand a receipt.</summary>
public sealed class TillAroundPeopleTests
{
    private const string SettleForm = "form[action$='handler=Settle']";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_host_finds_people_and_companies_by_name_whatever_the_accents_and_capitals_and_only_of_this_network(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var network = await app.NetworkAsync();
        var helene = await app.PersonAsync("helene@exemple.test", "Hélène", "Dupont");
        await app.InvoiceAsync(network, helene, 1500);
        var (other, _, _) = await app.CreateOtherNetworkAsync();
        var stranger = await app.PersonAsync("helene-causse@exemple.test", "Hélène", "Dupontel");
        await app.InvoiceAsync(other.Id, stranger, 4200);
        await app.WithDbAsync(db =>
        {
            db.Set<Company>().Add(new Company { NetworkId = network, Name = "Épicerie Dupont", Siret = "12345678200010", BillingAddress = "1 rue, 46140 Luzech" });
            db.Set<Company>().Add(new Company { NetworkId = other.Id, Name = "Épicerie Dupont du Causse", Siret = "12345678200028", BillingAddress = "1 place, 46230 Lalbenque" });
            return db.SaveChangesAsync();
        });
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);

        var upper = await host.GetDocumentAsync($"{Till}?recherche=DUPONT");
        var found = upper.QuerySelectorAll("#resultats li").Select(li => li.Text()).ToList();
        Assert.Contains(found, f => f.StartsWith("Hélène Dupont — doit 15,00 €", StringComparison.Ordinal));
        Assert.Contains(found, f => f.StartsWith("Épicerie Dupont (compte entreprise)", StringComparison.Ordinal));
        Assert.DoesNotContain(found, f => f.Contains("Dupontel", StringComparison.Ordinal) || f.Contains("Causse", StringComparison.Ordinal));

        var plain = await host.GetDocumentAsync($"{Till}?recherche=helene");
        Assert.Contains("Hélène Dupont — doit 15,00 €", plain.QuerySelectorAll("#resultats li").Select(li => li.Text()));
        var company = await host.GetDocumentAsync($"{Till}?recherche=epicerie");
        Assert.Equal(["Épicerie Dupont (compte entreprise) — rien à régler"], company.QuerySelectorAll("#resultats li").Select(li => li.Text()));

        // Another network's person, named by their id, is nobody here.
        await host.GetDocumentAsync($"{Till}?personne={stranger.Id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_persons_open_invoices_are_listed_oldest_first_and_only_those_of_this_network()
    {
        await using var app = await TestApp.StartAsync();
        var network = await app.NetworkAsync();
        var helene = await app.PersonAsync("helene@exemple.test", "Hélène", "Dupont");
        var newer = await app.InvoiceAsync(network, helene, 3000, new DateOnly(2026, 11, 20));
        var older = await app.InvoiceAsync(network, helene, 2000, new DateOnly(2026, 10, 5));
        var paid = await app.InvoiceAsync(network, helene, 1000, new DateOnly(2026, 9, 1));
        var api = await app.ApiClientAsync(TestApp.HostEmail);
        Assert.Equal(HttpStatusCode.Created, (await api.PostJsonAsync("/api/v1/payments", new { invoiceId = paid.Id, method = "card", amountCents = 1000 })).StatusCode);
        var (other, _, _) = await app.CreateOtherNetworkAsync();
        await app.InvoiceAsync(other.Id, helene, 9900, new DateOnly(2026, 8, 1));
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);

        var page = await host.GetDocumentAsync($"{Till}?personne={helene.Id}");
        var rows = page.QuerySelectorAll("#factures-ouvertes tbody tr").Select(r => r.QuerySelector("th").Text()).ToList();
        Assert.Equal([older.Number, newer.Number], rows);
        Assert.DoesNotContain("99,00", page.QuerySelector("#factures-ouvertes").Text(), StringComparison.Ordinal);
        Assert.Contains("Reste dû : 50,00 €.", page.QuerySelector("main").Text(), StringComparison.Ordinal);
        // Both ticked, the amount filled with what is due.
        Assert.Equal(2, page.QuerySelectorAll("#factures-ouvertes input[type=checkbox][checked]").Length);
        Assert.Equal("50,00", page.QuerySelector("#Settle_Amount")!.GetAttribute("value"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task One_payment_settles_two_invoices_oldest_first_and_leaves_the_rest_due(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var network = await app.NetworkAsync();
        var helene = await app.PersonAsync("helene@exemple.test", "Hélène", "Dupont");
        var oldest = await app.InvoiceAsync(network, helene, 2000, new DateOnly(2026, 10, 1));
        var middle = await app.InvoiceAsync(network, helene, 3000, new DateOnly(2026, 11, 1));
        var newest = await app.InvoiceAsync(network, helene, 5000, new DateOnly(2026, 11, 30));
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);

        var paid = await host.PostAsync($"{Till}?personne={helene.Id}", SettleForm,
            ("Settle.InvoiceIds", middle.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Settle.InvoiceIds", oldest.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Settle.Method", "Cash"), ("Settle.Amount", "35,00"));
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var receiptUrl = paid.Headers.Location!.OriginalString;
        Assert.StartsWith("/accueil/luzech/caisse/recus/", receiptUrl, StringComparison.Ordinal);

        var payments = await app.WithDbAsync(db => db.Payments.AsNoTracking().OrderBy(p => p.Id).ToListAsync());
        Assert.Equal([(oldest.Id, 2000), (middle.Id, 1500)], payments.Select(p => (p.InvoiceId, p.AmountCents)));
        Assert.Single(payments.Select(p => p.ReceiptId).Distinct());
        Assert.NotNull(payments[0].ReceiptId);

        var receipt = await host.GetDocumentAsync(receiptUrl);
        Assert.Equal("Reçu n° R2026-000001", receipt.QuerySelector("h1").Text());
        var lines = receipt.QuerySelectorAll("#factures-reglees tbody tr").Select(r => r.Cells()).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains(oldest.Number, lines[0], StringComparison.Ordinal);
        Assert.EndsWith("20,00 € | 0,00 €", lines[0], StringComparison.Ordinal);
        Assert.Contains(middle.Number, lines[1], StringComparison.Ordinal);
        Assert.EndsWith("15,00 € | 15,00 €", lines[1], StringComparison.Ordinal);
        Assert.Contains("Hélène Dupont", receipt.QuerySelector(".receipt").Text(), StringComparison.Ordinal);
        Assert.Contains("35,00 €", receipt.QuerySelector(".receipt").Text(), StringComparison.Ordinal);

        // What remains: 15 € on the middle one, the newest untouched.
        var after = await host.GetDocumentAsync($"{Till}?personne={helene.Id}");
        Assert.Equal([middle.Number, newest.Number], after.QuerySelectorAll("#factures-ouvertes tbody tr th").Select(th => th.Text()));
        Assert.Contains("Reste dû : 65,00 €.", after.QuerySelector("main").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paying_more_than_is_due_on_the_ticked_invoices_is_refused_and_records_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var network = await app.NetworkAsync();
        var helene = await app.PersonAsync("helene@exemple.test", "Hélène", "Dupont");
        var first = await app.InvoiceAsync(network, helene, 2000);
        var second = await app.InvoiceAsync(network, helene, 3000);
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);

        var refused = await host.PostAsync($"{Till}?personne={helene.Id}", SettleForm,
            ("Settle.InvoiceIds", first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Settle.InvoiceIds", second.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Settle.Method", "Cash"), ("Settle.Amount", "60"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.Equal("Le montant dépasse ce qui reste dû sur les factures cochées (50,00 €).", page.FieldError("Settle_Amount"));
        var none = await host.PostAsync($"{Till}?personne={helene.Id}", SettleForm, ("Settle.Method", "Cash"), ("Settle.Amount", "10"));
        Assert.Equal("Cochez au moins une facture à régler.", (await none.ParseAsync()).FieldError("Settle_InvoiceIds"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Payments.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Receipts.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Payments_at_once_over_the_same_invoices_never_pay_more_than_is_due(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var network = await app.NetworkAsync();
        var site = (await app.SiteAsync("luzech")).Id;
        var helene = await app.PersonAsync("helene@exemple.test", "Hélène", "Dupont");
        var first = await app.InvoiceAsync(network, helene, 2000);
        var second = await app.InvoiceAsync(network, helene, 3000);

        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            await using var scope = app.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<Payments>().SettleAsync(new SettleRequest(network, site, new DateOnly(2026, 12, 1),
                [second.Id, first.Id], PaymentMethod.Card, 2000, null, null, null, helene.Id, null, null), "host", CancellationToken.None)).Outcome;
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(tasks);

        Assert.Equal(2, outcomes.Count(o => o == PaymentOutcome.Recorded)); // 2 × 20 € ≤ 50 €, a third would not fit in the 10 € left
        Assert.Equal(6, outcomes.Count(o => o == PaymentOutcome.AboveDue));
        Assert.Equal(4000, await app.WithDbAsync(db => db.Payments.SumAsync(p => p.AmountCents)));
        Assert.Equal(["R2026-000001", "R2026-000002"], await app.WithDbAsync(db => db.Receipts.OrderBy(r => r.Number).Select(r => r.Number).ToListAsync()));
    }

    [Fact]
    public async Task A_receipt_prints_and_is_emailed_once_to_the_payer_and_stays_in_its_site()
    {
        await using var app = await TestApp.StartAsync();
        var network = await app.NetworkAsync();
        var helene = await app.PersonAsync("helene@exemple.test", "Hélène", "Dupont");
        var invoice = await app.InvoiceAsync(network, helene, 2000);
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);
        var paid = await host.PostAsync($"{Till}?personne={helene.Id}", SettleForm,
            ("Settle.InvoiceIds", invoice.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Settle.Method", "Card"), ("Settle.Amount", "12,50"));
        var url = paid.Headers.Location!.OriginalString;

        var page = await host.GetDocumentAsync(url);
        Assert.Contains("Ce reçu n'est pas une facture.", page.QuerySelector(".receipt").Text(), StringComparison.Ordinal);
        var print = page.QuerySelector("#imprimer")!;
        Assert.True(print.HasAttribute("hidden")); // shown by the script; without it, the browser's own Print
        Assert.NotNull(page.QuerySelector("script[src^='/js/print.js']"));
        Assert.Contains("no-print", page.QuerySelector("#imprimer")!.ParentElement!.ClassName ?? "", StringComparison.Ordinal);

        var form = "form[action$='handler=Email']";
        Assert.Equal(HttpStatusCode.Redirect, (await host.PostAsync(url, form)).StatusCode);
        var again = await host.GetDocumentAsync(url);
        Assert.Null(again.QuerySelector(form));
        Assert.Contains("Reçu envoyé par e-mail à helene@exemple.test.", again.QuerySelector("main").Text(), StringComparison.Ordinal);
        // A second click (a form kept open in another tab) sends nothing more.
        var id = url.Split('/')[^1];
        var token = page.QuerySelector($"{form} input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await host.PostAsync(new Uri($"{url}?handler=Email", UriKind.Relative), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        // Her invoice was mailed when issued; the receipt goes once.
        var mails = app.Mails().Where(m => m.To.ToString().Contains("helene@exemple.test", StringComparison.Ordinal) && (m.Subject ?? "").StartsWith("Reçu", StringComparison.Ordinal)).ToList();
        var mail = Assert.Single(mails);
        Assert.Contains("Reçu n° R2026-000001", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"{invoice.Number} du", mail.TextBody ?? "", StringComparison.Ordinal);
        Assert.Contains("12,50 € réglés, reste dû 7,50 €", (mail.TextBody ?? "").Replace('\u00a0', ' ').Replace('\u202f', ' '), StringComparison.Ordinal);

        // Not from another site's till (Prayssac is hosted by the same host), nor by a host of elsewhere.
        await host.GetDocumentAsync($"/accueil/prayssac/caisse/recus/{id}", HttpStatusCode.NotFound);
        var other = app.Browser();
        await other.SignInAsync((await app.CreateOtherNetworkAsync()).Manager.Email!);
        Assert.Contains("/compte/acces-refuse", (await other.GetAsync(new Uri(url, UriKind.Relative))).Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
