using System.Globalization;
using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Billing.Online;

namespace Cotravail.Tests.Billing.Online;

/// <summary>Paying an invoice through PayFiP, against a fake of its SOAP service: creerPaiementSecurise, the notification, recupererDetailPaiementSecurise.</summary>
public sealed class PayFipTests
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string IdOp(HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var location = redirect.Headers.Location!.AbsoluteUri;
        Assert.Contains("/tpa/paiementws.web?idop=", location, StringComparison.Ordinal);
        return location[(location.IndexOf("idop=", StringComparison.Ordinal) + 5)..];
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_member_pays_by_PayFiP_and_a_notification_received_twice_records_one_payment_before_the_return_page(string provider)
    {
        await using var w = await OnlineWorld.StartAsync(provider);
        await w.SetPayFipAsync(w.NetworkId);
        var invoice = await w.SellAsync();
        var member = await w.MemberAsync();

        var list = await member.GetDocumentAsync("/mes-factures");
        Assert.Contains($"/mes-factures/{Id(invoice.Id)}/payer", list.QuerySelectorAll("#pay-online a").Select(a => a.GetAttribute("href")));
        var idOp = IdOp(await OnlineWorld.PayAsync(member, invoice.Id));

        // What PayFiP was asked, as its contract names it.
        var asked = w.Fakes.PayFip[idOp];
        Assert.Equal("123456", asked["numcli"]);
        Assert.Equal(invoice.Number, asked["refdet"]);
        Assert.Equal("13000", asked["montant"]);
        Assert.Equal("2026", asked["exer"]);
        Assert.Equal("T", asked["saisie"]);
        Assert.Equal(TestApp.MemberEmail, asked["mel"]);
        Assert.EndsWith(OnlinePayments.PayFipNotificationPath, asked["urlnotif"], StringComparison.Ordinal);
        var attempt = await w.AttemptAsync(idOp);
        Assert.EndsWith(OnlinePayments.ReturnPath(attempt.Id), asked["urlredirect"], StringComparison.Ordinal);
        Assert.Empty(await w.PaymentsAsync(invoice.Id));

        w.Fakes.PayFipResult(idOp, "P");
        // PayFiP notifies twice, at the same moment.
        var notifications = await Task.WhenAll(w.NotifyPayFipAsync(idOp), w.NotifyPayFipAsync(idOp));
        Assert.All(notifications, n => Assert.Equal(HttpStatusCode.OK, n.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await w.NotifyPayFipAsync(idOp)).StatusCode);

        var payment = Assert.Single(await w.PaymentsAsync(invoice.Id));
        Assert.Equal(PaymentMethod.OnlineCard, payment.Method);
        Assert.Equal(13000, payment.AmountCents);
        Assert.Equal("payfip:" + idOp, payment.ProviderReference);
        Assert.Equal("A" + idOp[^5..], payment.Reference);
        Assert.Equal(OnlinePaymentStatus.Paid, (await w.AttemptAsync(idOp)).Status);

        // Then the member comes back: the page says so, asks nothing more, records nothing more.
        var back = await member.GetDocumentAsync(new Uri(asked["urlredirect"]).PathAndQuery);
        Assert.Contains($"votre paiement de 130,00 € est enregistré, la facture {invoice.Number} est réglée", back.QuerySelector("#payment-outcome").Text().Replace('\u00a0', ' '), StringComparison.Ordinal);
        Assert.Single(await w.PaymentsAsync(invoice.Id));
        var after = await member.GetDocumentAsync("/mes-factures");
        Assert.Null(after.QuerySelector("#pay-online"));
        Assert.Contains("réglée", after.QuerySelector("table").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_notification_the_return_page_asks_PayFiP_and_records_the_payment()
    {
        await using var w = await OnlineWorld.StartAsync();
        await w.SetPayFipAsync(w.NetworkId);
        var invoice = await w.SellAsync();
        var member = await w.MemberAsync();
        var idOp = IdOp(await OnlineWorld.PayAsync(member, invoice.Id));
        var back = new Uri(w.Fakes.PayFip[idOp]["urlredirect"]).PathAndQuery;

        // Back before PayFiP knows the result (its fault P5): still pending, nothing recorded.
        var early = await member.GetDocumentAsync(back);
        Assert.Contains("en cours de traitement", early.QuerySelector("#payment-outcome").Text(), StringComparison.Ordinal);
        Assert.Empty(await w.PaymentsAsync(invoice.Id));

        w.Fakes.PayFipResult(idOp, "P");
        var paid = await member.GetDocumentAsync(back);
        Assert.Contains("est enregistré", paid.QuerySelector("#payment-outcome").Text(), StringComparison.Ordinal);
        Assert.Equal("payfip:" + idOp, Assert.Single(await w.PaymentsAsync(invoice.Id)).ProviderReference);
    }

    [Fact]
    public async Task A_single_SEPA_debit_through_PayFiP_is_recorded_as_a_debit()
    {
        await using var w = await OnlineWorld.StartAsync();
        await w.SetPayFipAsync(w.NetworkId);
        var invoice = await w.SellAsync();
        var member = await w.MemberAsync();
        var idOp = IdOp(await OnlineWorld.PayAsync(member, invoice.Id));

        w.Fakes.PayFipResult(idOp, "V");
        Assert.Equal(HttpStatusCode.OK, (await w.NotifyPayFipAsync(idOp)).StatusCode);
        var payment = Assert.Single(await w.PaymentsAsync(invoice.Id));
        Assert.Equal(PaymentMethod.OnlineSepa, payment.Method);
        Assert.Equal("payfip:" + idOp, payment.ProviderReference);
    }

    [Fact]
    public async Task A_refused_payment_records_nothing_and_offers_to_try_again()
    {
        await using var w = await OnlineWorld.StartAsync();
        await w.SetPayFipAsync(w.NetworkId);
        var invoice = await w.SellAsync();
        var member = await w.MemberAsync();
        var idOp = IdOp(await OnlineWorld.PayAsync(member, invoice.Id));

        w.Fakes.PayFipResult(idOp, "R");
        Assert.Equal(HttpStatusCode.OK, (await w.NotifyPayFipAsync(idOp)).StatusCode);

        Assert.Empty(await w.PaymentsAsync(invoice.Id));
        Assert.Equal(OnlinePaymentStatus.Refused, (await w.AttemptAsync(idOp)).Status);
        var back = await member.GetDocumentAsync(new Uri(w.Fakes.PayFip[idOp]["urlredirect"]).PathAndQuery);
        Assert.Contains("Le paiement n'a pas abouti", back.QuerySelector("#payment-outcome").Text(), StringComparison.Ordinal);
        Assert.Contains($"/mes-factures/{Id(invoice.Id)}/payer", back.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));

        // A second try is a new operation, paid this time.
        var second = IdOp(await OnlineWorld.PayAsync(member, invoice.Id));
        Assert.NotEqual(idOp, second);
        w.Fakes.PayFipResult(second, "P");
        await w.NotifyPayFipAsync(second);
        Assert.Single(await w.PaymentsAsync(invoice.Id));
    }

    [Fact]
    public async Task An_amount_that_differs_from_what_is_due_is_flagged_for_the_treasurer_and_not_recorded()
    {
        await using var w = await OnlineWorld.StartAsync();
        await w.SetPayFipAsync(w.NetworkId);
        var invoice = await w.SellAsync();
        var member = await w.MemberAsync();
        var idOp = IdOp(await OnlineWorld.PayAsync(member, invoice.Id));

        w.Fakes.PayFipResult(idOp, "P", montant: 12000);
        await w.NotifyPayFipAsync(idOp);

        Assert.Empty(await w.PaymentsAsync(invoice.Id));
        var attempt = await w.AttemptAsync(idOp);
        Assert.Equal(OnlinePaymentStatus.AmountMismatch, attempt.Status);
        Assert.Equal(12000, attempt.ReceivedCents);
        var back = await member.GetDocumentAsync(new Uri(w.Fakes.PayFip[idOp]["urlredirect"]).PathAndQuery);
        Assert.Contains("diffère de celui dû", back.QuerySelector("#payment-outcome").Text(), StringComparison.Ordinal);

        var manager = w.App.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var flagged = (await manager.GetDocumentAsync($"/gestion/reseau/paiement-en-ligne?reseau={Id(w.NetworkId)}")).QuerySelector("#flagged").Text().Replace('\u00a0', ' ');
        Assert.Contains(invoice.Number, flagged, StringComparison.Ordinal);
        Assert.Contains("130,00 €", flagged, StringComparison.Ordinal);
        Assert.Contains("120,00 €", flagged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_idOp_or_another_clients_operation_records_nothing()
    {
        await using var w = await OnlineWorld.StartAsync();
        await w.SetPayFipAsync(w.NetworkId);
        var invoice = await w.SellAsync();
        var member = await w.MemberAsync();
        var idOp = IdOp(await OnlineWorld.PayAsync(member, invoice.Id));

        var unknown = await w.NotifyPayFipAsync("IDOP-INCONNU");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await w.App.CreateClient().PostAsync(new Uri(OnlinePayments.PayFipNotificationPath, UriKind.Relative), null)).StatusCode);

        // PayFiP says the operation belongs to another client number: not this network's payment.
        w.Fakes.PayFipResult(idOp, "P");
        w.Fakes.PayFip[idOp]["numcli"] = "999999";
        await w.NotifyPayFipAsync(idOp);
        Assert.Empty(await w.PaymentsAsync(invoice.Id));
        Assert.Equal(OnlinePaymentStatus.Pending, (await w.AttemptAsync(idOp)).Status);
    }
}
