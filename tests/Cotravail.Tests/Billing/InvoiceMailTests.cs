using System.Net;
using Cotravail.Tests.Events;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Reception;
using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Billing.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using UglyToad.PdfPig;

namespace Cotravail.Tests.Billing;

/// <summary>Every invoice and credit note is e-mailed to its client as it is issued, its PDF attached, with how to pay.</summary>
public sealed class InvoiceMailTests
{
    private const string DemoIban = "IBAN FR76 3000 1000 6400 0001 2345 618 – BIC BDFEFRPPCCT";

    /// <summary>The mails of an invoice or credit note (by its subject).</summary>
    private static List<MimeMessage> MailsOf(TestApp app, string kind, string number, string network = Demo) =>
        [.. app.Mails().Where(m => m.Subject == $"{kind} {number} – {network}")];

    private const string Demo = "Vallée du Lot et du Vignoble";

    /// <summary>The one mail of <paramref name="number"/>, to <paramref name="to"/>, with its PDF (a real one, carrying the number).</summary>
    private static MimeMessage OneMailWithPdf(TestApp app, string number, string to, string kind = "Facture", string network = Demo)
    {
        var mail = Assert.Single(MailsOf(app, kind, number, network));
        Assert.Equal(to, Assert.Single(mail.To.Mailboxes).Address);
        var part = Assert.Single(mail.Attachments.OfType<MimePart>());
        Assert.Equal("application/pdf", part.ContentType.MimeType);
        Assert.Equal($"{number}.pdf", part.FileName);
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        var bytes = content.ToArray();
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        using var pdf = PdfDocument.Open(bytes);
        Assert.Contains(number, string.Join(" ", pdf.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
        Assert.Contains("<html", mail.HtmlBody, StringComparison.Ordinal);
        return mail;
    }

    private static Task<int> DemoNetworkAsync(TestApp app) =>
        app.WithDbAsync(db => db.Networks.Where(n => n.Slug == DemoData.NetworkSlug).Select(n => n.Id).SingleAsync());

    private static async Task<Invoice> IssueAsync(TestApp app, int network, ClientIdentity client, int cents = 1500)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InvoiceIssuer>().IssueAsync(network, client,
            [new LineRequest("Pass journée – Tiers-lieu de Luzech", 1, cents, 2000)], CancellationToken.None);
    }

    [Fact]
    public async Task An_online_order_and_a_sale_at_the_till_each_mail_the_invoice_with_its_pdf_and_the_bank_details()
    {
        await using var app = await TestApp.StartAsync();
        var carnet = await ProductsAndEntitlementsTests.ProductAsync(app, ProductKind.Carnet);
        var member = await app.ApiClientAsync(TestApp.MemberEmail);

        Assert.Equal(HttpStatusCode.Created, (await member.PostJsonAsync("/api/v1/me/orders", new { productId = carnet, quantity = 1, payment = "transfer" })).StatusCode);
        var ordered = OneMailWithPdf(app, "F2026-000001", TestApp.MemberEmail);
        Assert.Equal("Facture F2026-000001 – Vallée du Lot et du Vignoble", ordered.Subject);
        foreach (var text in new[]
        {
            "Vous trouverez ci-joint la facture F2026-000001 du réseau Vallée du Lot et du Vignoble, émise le 1er décembre 2026.",
            "Montant : 130,00 € TTC", "À régler au plus tard le 31 décembre 2026",
            "Conditions de paiement : Paiement à 30 jours. Pas d'escompte pour paiement anticipé.",
            $"- par virement : {DemoIban}, référence F2026-000001 ;", "à l'accueil d'un de nos tiers-lieux",
            "page « Mes factures » :\nhttp://localhost/mes-factures",
        })
        {
            Assert.Contains(text, ordered.TextBody, StringComparison.Ordinal);
        }
        Assert.Contains("FR76 3000 1000 6400 0001 2345 618", ordered.HtmlBody, StringComparison.Ordinal);

        await ProductsAndEntitlementsTests.SellAsync(app, ProductKind.Subscription);
        var sold = OneMailWithPdf(app, "F2026-000002", TestApp.MemberEmail);
        Assert.Contains("Montant : 150,00 € TTC", sold.TextBody, StringComparison.Ordinal);
        Assert.Contains(DemoIban, sold.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monthly_invoicing_of_bookings_and_of_events_mails_each_invoice_once()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Events:Reminders"] = "false" });
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await ProductsAndEntitlementsTests.DesksAsync(app);
        Assert.Equal(HttpStatusCode.Created, (await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "day" })).StatusCode);
        var training = await app.CreateEventAsync(capacity: 3, title: "Formation comptabilité", priceCents: 2500);
        var participant = (await app.NewMembersAsync(1))[0];
        Assert.Equal(HttpStatusCode.Created, (await participant.PostJsonAsync($"/api/v1/events/{training}/registrations", new { })).StatusCode);
        var participantEmail = await app.WithDbAsync(db => db.Users.Where(u => u.Email!.StartsWith("membre0-")).Select(u => u.Email!).SingleAsync());
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));
        var network = await DemoNetworkAsync(app);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Single(await scope.ServiceProvider.GetRequiredService<MonthlyInvoicing>().RunAsync(network, 2026, 12, CancellationToken.None));
            Assert.Single(await scope.ServiceProvider.GetRequiredService<EventInvoicing>().RunAsync(network, 2026, 12, CancellationToken.None));
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<MonthlyInvoicing>().RunAsync(network, 2026, 12, CancellationToken.None));
        }

        var bookings = OneMailWithPdf(app, "F2027-000001", TestApp.MemberEmail);
        Assert.Contains("Montant : 15,00 € TTC", bookings.TextBody, StringComparison.Ordinal);
        Assert.Contains("À régler au plus tard le 3 février 2027", bookings.TextBody, StringComparison.Ordinal);
        var events = OneMailWithPdf(app, "F2027-000002", participantEmail);
        Assert.Contains("Formation comptabilité", events.TextBody, StringComparison.Ordinal);
        Assert.Contains(DemoIban, events.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_walk_in_who_gives_an_address_gets_the_day_pass_invoice_by_mail()
    {
        await using var app = await ReceptionSteps.StartAsync();
        app.AtParis(10);
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);

        var done = await host.SubmitFormAsync("/accueil/luzech/venue", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Paul", ["Input.LastName"] = "Bru", ["Input.Email"] = "paul.bru@exemple.fr", ["Input.Postcode"] = "46220", ["Input.CommuneInsee"] = "46225", ["Input.Method"] = "Cash",
        }, "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var mail = OneMailWithPdf(app, "F2026-000001", "paul.bru@exemple.fr");
        Assert.Contains("Montant : 15,00 € TTC", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Si vous l'avez déjà réglée", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("mes-factures", mail.TextBody, StringComparison.Ordinal); // no account, no link to one
    }

    [Fact]
    public async Task Without_bank_details_the_mail_says_to_pay_at_reception_and_a_client_without_address_gets_none()
    {
        await using var app = await TestApp.StartAsync();
        var network = await DemoNetworkAsync(app);
        await app.WithDbAsync(db => db.Networks.Where(n => n.Id == network).ExecuteUpdateAsync(s => s.SetProperty(n => n.Iban, (string?)null).SetProperty(n => n.Bic, (string?)null)));

        await IssueAsync(app, network, new ClientIdentity(null, "Jeanne Roux", null, "jeanne@exemple.fr"));
        await IssueAsync(app, network, new ClientIdentity(null, "Sans adresse", null, null));

        var mail = OneMailWithPdf(app, "F2026-000001", "jeanne@exemple.fr");
        Assert.DoesNotContain("IBAN", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("virement", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("- à l'accueil d'un de nos tiers-lieux (espèces, chèque ou carte), en indiquant le numéro de facture.", mail.TextBody, StringComparison.Ordinal);
        Assert.Empty(MailsOf(app, "Facture", "F2026-000002"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_issue_rolled_back_sends_nothing(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var network = await DemoNetworkAsync(app);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<InvoiceIssuer>().IssueAsync(network,
                new ClientIdentity(null, "Jeanne Roux", null, "jeanne@exemple.fr"), [new LineRequest("Pass journée", 1, 1500, 2000)], CancellationToken.None);
            Assert.Equal(1, await db.OutboxMails.CountAsync()); // written with the invoice…
            await tx.RollbackAsync();
        }

        Assert.Empty(app.Mails()); // …and undone with it
        Assert.Equal(0, await app.WithDbAsync(db => db.Invoices.CountAsync()));
        await IssueAsync(app, network, new ClientIdentity(null, "Jeanne Roux", null, "jeanne@exemple.fr"));
        OneMailWithPdf(app, "F2026-000001", "jeanne@exemple.fr");
    }

    [Fact]
    public async Task A_credit_note_is_mailed_with_what_it_credits_and_who_handles_a_refund()
    {
        await using var app = await TestApp.StartAsync();
        var sale = await ProductsAndEntitlementsTests.SellAsync(app, ProductKind.Carnet);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<InvoiceIssuer>().CreditAsync(sale.Invoice!.Id, CancellationToken.None));
        }

        var mail = OneMailWithPdf(app, "F2026-000002", TestApp.MemberEmail, kind: "Avoir");
        Assert.Equal("Avoir F2026-000002 – Vallée du Lot et du Vignoble", mail.Subject);
        Assert.Contains("Vous trouverez ci-joint l'avoir F2026-000002", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Montant de l'avoir : 130,00 € TTC, sur la facture F2026-000001.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("le réseau vous contacte pour le remboursement", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("IBAN", mail.TextBody, StringComparison.Ordinal); // nothing to pay
        Assert.Single(MailsOf(app, "Facture", "F2026-000001"));
    }

    [Fact]
    public async Task An_invoice_of_another_network_carries_that_networks_name_and_bank_details_only()
    {
        await using var app = await TestApp.StartAsync();
        var (other, _, _) = await app.CreateOtherNetworkAsync();
        const string otherIban = "FR1420041010050500013M02606";
        Assert.NotNull(BankAccount.NormalIban(otherIban));
        await app.WithDbAsync(db => db.Networks.Where(n => n.Id == other.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Iban, otherIban).SetProperty(n => n.Bic, "PSSTFRPPLIL").SetProperty(n => n.ContactEmail, "compta@causse.test")));

        await IssueAsync(app, other.Id, new ClientIdentity(null, "Jeanne Roux", null, "jeanne@exemple.fr"), 1200);
        await IssueAsync(app, await DemoNetworkAsync(app), new ClientIdentity(null, "Paul Bru", null, "paul@exemple.fr"));

        var theirs = OneMailWithPdf(app, "F2026-000001", "jeanne@exemple.fr", network: "Causse");
        Assert.Equal("Facture F2026-000001 – Causse", theirs.Subject);
        Assert.Contains("IBAN FR14 2004 1010 0505 0001 3M02 606 – BIC PSSTFRPPLIL, référence F2026-000001", theirs.TextBody, StringComparison.Ordinal);
        Assert.Contains("Une question ? Écrivez à compta@causse.test.", theirs.TextBody, StringComparison.Ordinal);
        Assert.Contains("Communauté de communes du Causse", theirs.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("FR76", theirs.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Vallée du Lot", theirs.TextBody, StringComparison.Ordinal);

        var ours = OneMailWithPdf(app, "F2026-000001", "paul@exemple.fr");
        Assert.Contains(DemoIban, ours.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("FR14", ours.TextBody, StringComparison.Ordinal);
    }
}
