using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Billing.Dunning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Billing;

/// <summary>Payment reminders at the due date + 7 and + 30 days, stopped by payment or credit note, each sent once.</summary>
public sealed class DunningTests
{
    private static DateTimeOffset ParisMorning(int year, int month, int day) => new(year, month, day, 8, 0, 0, TimeSpan.Zero);

    private static string Plain(string? text) => (text ?? "").Replace('\u00a0', ' ').Replace('\u202f', ' ');

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Clients_are_reminded_seven_and_thirty_days_after_the_due_date_once_each_until_they_pay(string provider)
    {
        // The background job would run at each jump of the clock: this test runs it itself.
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Billing:PaymentReminders"] = "false" });
        var other = await app.CreateOtherNetworkAsync();
        var network = (await app.SiteAsync("luzech")).NetworkId;
        var member = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == TestApp.MemberEmail));
        Invoice unpaid, partly, causse;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var issuer = scope.ServiceProvider.GetRequiredService<InvoiceIssuer>();
            var payments = scope.ServiceProvider.GetRequiredService<Payments>();
            var client = new ClientIdentity(member.Id, member.DisplayName, null, member.Email);
            unpaid = await issuer.IssueAsync(network, client, [new LineRequest("Pass journée", 2, 1500, 0)], CancellationToken.None);
            var paid = await issuer.IssueAsync(network, client, [new LineRequest("Pass journée", 1, 1500, 0)], CancellationToken.None);
            var credited = await issuer.IssueAsync(network, client, [new LineRequest("Pass demi-journée", 1, 800, 0)], CancellationToken.None);
            Assert.NotNull(await issuer.CreditAsync(credited.Id, CancellationToken.None));
            partly = await issuer.IssueAsync(network, new ClientIdentity(null, "Menuiserie du Lot", "Luzech", "compta@menuiserie.test", "12345678900011", true),
                [new LineRequest("Location de bureau", 1, 5000, 0)], CancellationToken.None);
            causse = await issuer.IssueAsync(other.Network.Id, new ClientIdentity(null, "Jean Causse", null, "jean@causse.test"),
                [new LineRequest("Pass journée", 1, 1200, 0)], CancellationToken.None);
            Assert.Equal(PaymentOutcome.Recorded, (await payments.RecordAsync(new PaymentRequest(paid.Id, PaymentMethod.Card, 1500, null, null, null, null), member.Id, CancellationToken.None)).Outcome);
            Assert.Equal(PaymentOutcome.Recorded, (await payments.RecordAsync(new PaymentRequest(partly.Id, PaymentMethod.Transfer, 2000, null, null, null, "vir"), member.Id, CancellationToken.None)).Outcome);
        }
        Assert.Equal(new DateOnly(2026, 12, 31), unpaid.DueDate);

        async Task<int> RunAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<PaymentReminders>().SendDueAsync(CancellationToken.None);
        }
        Assert.Equal(0, await RunAsync());
        app.Clock.SetUtcNow(ParisMorning(2027, 1, 6)); // due date + 6 days
        Assert.Equal(0, await RunAsync());
        Assert.DoesNotContain(app.Mails(), m => (m.Subject ?? "").StartsWith("Rappel", StringComparison.Ordinal));

        app.Clock.SetUtcNow(ParisMorning(2027, 1, 7)); // + 7 days: the unpaid, the partly paid and Causse's, not the paid or credited ones
        Assert.Equal(3, await RunAsync());
        Assert.Equal(0, await RunAsync());
        var first = app.Mails().Where(m => (m.Subject ?? "").StartsWith("Rappel", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, first.Count);
        var toMember = Assert.Single(first, m => m.To.Mailboxes.Single().Address == TestApp.MemberEmail);
        Assert.Equal($"Rappel : facture {unpaid.Number}, 30,00 € à régler", Plain(toMember.Subject));
        var text = Plain(toMember.TextBody);
        Assert.Contains($"la facture {unpaid.Number} du 1er décembre 2026 n'est pas encore réglée", text, StringComparison.Ordinal);
        Assert.Contains("Il reste 30,00 € à payer ; l'échéance était le 31 décembre 2026, il y a 7 jours.", text, StringComparison.Ordinal);
        Assert.Contains("IBAN FR76 3000 1000 6400 0001 2345 618", text, StringComparison.Ordinal);
        Assert.Contains("BIC BDFEFRPPCCT", text, StringComparison.Ordinal);
        Assert.Contains($"en indiquant « {unpaid.Number} » comme référence", text, StringComparison.Ordinal);
        Assert.Contains("/mes-factures", text, StringComparison.Ordinal);
        var toCompany = Plain(Assert.Single(first, m => m.To.Mailboxes.Single().Address == "compta@menuiserie.test").TextBody);
        Assert.Contains("Il reste 30,00 € à payer (sur un total de 50,00 €)", toCompany, StringComparison.Ordinal);
        Assert.DoesNotContain("/mes-factures", toCompany, StringComparison.Ordinal);
        var toCausse = Plain(Assert.Single(first, m => m.To.Mailboxes.Single().Address == "jean@causse.test").TextBody);
        Assert.DoesNotContain("IBAN", toCausse, StringComparison.Ordinal);
        Assert.Contains("- à l'accueil de votre tiers-lieu", toCausse, StringComparison.Ordinal);

        // The reminder is part of what Cotravail keeps about the member, and of their export.
        var api = await app.ApiClientAsync(TestApp.MemberEmail);
        var exported = (await (await api.GetAsync(new Uri("/api/v1/me/data", UriKind.Relative))).JsonAsync()).GetProperty("donnees").GetProperty("relances");
        var reminder = Assert.Single(exported.EnumerateArray());
        Assert.Equal((unpaid.Number, 1, 30m), (reminder.GetProperty("facture").GetString(), reminder.GetProperty("relance").GetInt32(), reminder.GetProperty("resteDuEuros").GetDecimal()));

        // The member pays before the second step: only the two others get it, once.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Payments>().RecordAsync(
                new PaymentRequest(unpaid.Id, PaymentMethod.Cash, 3000, null, null, null, null), member.Id, CancellationToken.None);
        }
        app.Clock.SetUtcNow(ParisMorning(2027, 1, 29));
        Assert.Equal(0, await RunAsync());
        app.Clock.SetUtcNow(ParisMorning(2027, 1, 30)); // + 30 days
        Assert.Equal(2, await RunAsync());
        Assert.Equal(0, await RunAsync());
        var second = app.Mails().Where(m => (m.Subject ?? "").StartsWith("Rappel n° 2", StringComparison.Ordinal)).ToList();
        Assert.Equal(["compta@menuiserie.test", "jean@causse.test"], second.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        Assert.Equal(5, app.Mails().Count(m => (m.Subject ?? "").StartsWith("Rappel", StringComparison.Ordinal)));
        Assert.Equal(5, await app.WithDbAsync(db => db.InvoiceReminders.CountAsync()));

        // The managers' list shows the reminders sent, each network its own.
        var browser = app.Browser();
        await browser.SignInAsync(TestApp.ManagerEmail);
        var page = await browser.GetDocumentAsync("/gestion/factures");
        var rows = page.QuerySelectorAll("#factures tbody tr").ToDictionary(r => r.QuerySelector("th").Text(), r => r.QuerySelectorAll("td")[5].Text());
        Assert.Equal("relance 1 le 7 janv. 2027, relance 2 le 30 janv. 2027", rows[$"Facture {partly.Number}"]);
        Assert.Equal("relance 1 le 7 janv. 2027", rows[$"Facture {unpaid.Number}"]);
        Assert.Equal("—", rows.Single(r => r.Key.StartsWith("Avoir", StringComparison.Ordinal)).Value);
        Assert.Equal(5, rows.Count); // not Causse's
        var theirs = app.Browser();
        await theirs.SignInAsync(other.Manager.Email!);
        var causseRows = (await theirs.GetDocumentAsync("/gestion/factures")).QuerySelectorAll("#factures tbody tr");
        Assert.Equal("relance 1 le 7 janv. 2027, relance 2 le 30 janv. 2027", Assert.Single(causseRows).QuerySelectorAll("td")[5].Text());
    }

    [Fact]
    public void The_schedule_sends_each_step_in_turn_spaced_as_planned()
    {
        var schedule = new ReminderSchedule([30, 7, 7, 0, -2]);
        Assert.Equal([7, 30], schedule.Days);
        var due = new DateOnly(2026, 12, 31);
        Assert.Null(schedule.Due(due, 0, null, new(2027, 1, 6)));
        Assert.Equal((1, 7), schedule.Due(due, 0, null, new(2027, 1, 7)));
        Assert.Null(schedule.Due(due, 1, new(2027, 1, 7), new(2027, 1, 29)));
        Assert.Equal((2, 30), schedule.Due(due, 1, new(2027, 1, 7), new(2027, 1, 30)));
        Assert.Null(schedule.Due(due, 2, new(2027, 1, 30), new(2027, 3, 1)));
        // Reminders switched on (or a job back) long after the due date: the first step first, never « Rappel n° 2 » at once…
        Assert.Equal((1, 7), schedule.Due(due, 0, null, new(2027, 3, 1)));
        // …and the second one as many days after it as the schedule puts between them (23), not the next morning.
        Assert.Null(schedule.Due(due, 1, new(2027, 3, 1), new(2027, 3, 2)));
        Assert.Null(schedule.Due(due, 1, new(2027, 3, 1), new(2027, 3, 23)));
        Assert.Equal((2, 30), schedule.Due(due, 1, new(2027, 3, 1), new(2027, 3, 24)));
    }
}
