using System.Globalization;
using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Billing.Online;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Billing.Online;

/// <summary>Paying through Stripe Checkout against a fake of Stripe's REST API, its webhooks signed as Stripe signs them.</summary>
public sealed class StripeCheckoutTests
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string SessionOf(FakeProviders fakes, HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var location = redirect.Headers.Location!.AbsoluteUri;
        Assert.StartsWith(new Uri(fakes.Base, "/pay/cs_test_").AbsoluteUri, location, StringComparison.Ordinal);
        return location[(location.LastIndexOf('/') + 1)..];
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_checkout_paid_by_card_is_recorded_once_from_its_signed_webhooks(string provider)
    {
        await using var w = await OnlineWorld.StartAsync(provider);
        await w.SetStripeAsync(w.NetworkId);
        var invoice = await w.SellAsync();
        var member = await w.MemberAsync();

        var session = SessionOf(w.Fakes, await OnlineWorld.PayAsync(member, invoice.Id));

        var form = w.Fakes.StripeRequests.Last(r => r.Path == "checkout/sessions").Form;
        Assert.Equal("payment", form["mode"]);
        Assert.Equal("card", form["allowed_payment_method_types[0]"]);
        Assert.False(form.ContainsKey("allowed_payment_method_types[1]")); // no SEPA unless the network enables it
        Assert.Equal(Id(invoice.Id), form["client_reference_id"]);
        Assert.Equal(invoice.Number, form["metadata[invoice_number]"]);
        Assert.Equal("13000", form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("eur", form["line_items[0][price_data][currency]"]);
        var attempt = await w.AttemptAsync(session);
        Assert.EndsWith(OnlinePayments.ReturnPath(attempt.Id), form["success_url"], StringComparison.Ordinal);
        Assert.Equal(OnlineWorld.KeyA, w.Fakes.Stripe[session].Key);

        var paid = w.Fakes.StripePay(session);
        var intent = paid["payment_intent"]!["id"]!.GetValue<string>();
        var answers = await Task.WhenAll(
            w.WebhookAsync(w.NetworkId, "checkout.session.completed", paid, OnlineWorld.HookA),
            w.WebhookAsync(w.NetworkId, "checkout.session.completed", paid, OnlineWorld.HookA),
            w.WebhookAsync(w.NetworkId, "payment_intent.succeeded", (System.Text.Json.Nodes.JsonObject)paid["payment_intent"]!, OnlineWorld.HookA));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

        var payment = Assert.Single(await w.PaymentsAsync(invoice.Id));
        Assert.Equal(PaymentMethod.OnlineCard, payment.Method);
        Assert.Equal(13000, payment.AmountCents);
        Assert.Equal("stripe:" + session, payment.ProviderReference);
        Assert.Equal(intent, payment.Reference);
        var back = await member.GetDocumentAsync(OnlinePayments.ReturnPath(attempt.Id));
        Assert.Contains("est enregistré", back.QuerySelector("#payment-outcome").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_or_old_signatures_and_unknown_sessions_record_nothing_and_the_return_page_asks_Stripe()
    {
        await using var w = await OnlineWorld.StartAsync();
        await w.SetStripeAsync(w.NetworkId);
        var invoice = await w.SellAsync();
        var member = await w.MemberAsync();
        var session = SessionOf(w.Fakes, await OnlineWorld.PayAsync(member, invoice.Id));
        var paid = w.Fakes.StripePay(session);

        var wrong = await w.WebhookAsync(w.NetworkId, "checkout.session.completed", paid, "whsec_notthenetworks000");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType!.MediaType);
        var old = await w.WebhookAsync(w.NetworkId, "checkout.session.completed", paid, OnlineWorld.HookA, w.App.Clock.GetUtcNow().AddMinutes(-10));
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        using (var unsigned = new HttpRequestMessage(HttpMethod.Post, new Uri(OnlinePayments.StripeWebhookPath(w.NetworkId), UriKind.Relative)) { Content = new StringContent("{}") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await w.App.CreateClient().SendAsync(unsigned)).StatusCode);
        }
        var stranger = w.Fakes.StripePay(SessionOfStranger(w));
        Assert.Equal(HttpStatusCode.OK, (await w.WebhookAsync(w.NetworkId, "checkout.session.completed", stranger, OnlineWorld.HookA)).StatusCode);
        Assert.Empty(await w.PaymentsAsync(invoice.Id));
        Assert.Equal(OnlinePaymentStatus.Pending, (await w.AttemptAsync(session)).Status);

        // No webhook came through: the return page asks Stripe and records the payment.
        var back = await member.GetDocumentAsync(OnlinePayments.ReturnPath((await w.AttemptAsync(session)).Id));
        Assert.Contains("est enregistré", back.QuerySelector("#payment-outcome").Text(), StringComparison.Ordinal);
        Assert.Single(await w.PaymentsAsync(invoice.Id));
    }

    /// <summary>A session Stripe holds for the same account but that Cotravail never started (another application's).</summary>
    private static string SessionOfStranger(OnlineWorld w)
    {
        var id = "cs_test_stranger";
        w.Fakes.Stripe[id] = (OnlineWorld.KeyA, new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = id, ["object"] = "checkout.session", ["mode"] = "payment", ["status"] = "open", ["payment_status"] = "unpaid", ["amount_total"] = 13000L,
            ["metadata"] = new System.Text.Json.Nodes.JsonObject(), ["payment_intent"] = null,
        });
        return id;
    }

    [Fact]
    public async Task A_paid_amount_other_than_what_is_due_is_flagged_and_an_expired_session_is_refused()
    {
        await using var w = await OnlineWorld.StartAsync();
        await w.SetStripeAsync(w.NetworkId);
        var invoice = await w.SellAsync();
        var member = await w.MemberAsync();
        var session = SessionOf(w.Fakes, await OnlineWorld.PayAsync(member, invoice.Id));

        var paid = w.Fakes.StripePay(session, amount: 9000);
        await w.WebhookAsync(w.NetworkId, "checkout.session.completed", paid, OnlineWorld.HookA);
        Assert.Empty(await w.PaymentsAsync(invoice.Id));
        Assert.Equal(OnlinePaymentStatus.AmountMismatch, (await w.AttemptAsync(session)).Status);

        var second = SessionOf(w.Fakes, await OnlineWorld.PayAsync(member, invoice.Id));
        w.Fakes.Stripe[second].Json["status"] = "expired";
        var back = await member.GetDocumentAsync(OnlinePayments.ReturnPath((await w.AttemptAsync(second)).Id) + "?abandon=1");
        Assert.Contains("n'a pas abouti", back.QuerySelector("#payment-outcome").Text(), StringComparison.Ordinal);
        Assert.Empty(await w.PaymentsAsync(invoice.Id));
    }

    [Fact]
    public async Task A_networks_keys_never_confirm_another_networks_invoices()
    {
        await using var w = await OnlineWorld.StartAsync();
        var (other, _, _) = await w.App.CreateOtherNetworkAsync();
        await w.SetStripeAsync(w.NetworkId);
        await w.SetStripeAsync(other.Id, OnlineWorld.KeyB, OnlineWorld.HookB);
        var invoiceA = await w.SellAsync();
        var invoiceB = await w.IssueAsync(other.Id, 1500);
        var member = await w.MemberAsync();
        var sessionA = SessionOf(w.Fakes, await OnlineWorld.PayAsync(member, invoiceA.Id));
        var sessionB = SessionOf(w.Fakes, await OnlineWorld.PayAsync(member, invoiceB.Id));
        Assert.Equal(OnlineWorld.KeyB, w.Fakes.Stripe[sessionB].Key);
        var paidA = w.Fakes.StripePay(sessionA);

        // A's session, signed with B's secret: not on A's endpoint (bad signature), not on B's (not B's session).
        Assert.Equal(HttpStatusCode.BadRequest, (await w.WebhookAsync(w.NetworkId, "checkout.session.completed", paidA, OnlineWorld.HookB)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.WebhookAsync(other.Id, "checkout.session.completed", paidA, OnlineWorld.HookB)).StatusCode);
        Assert.Empty(await w.PaymentsAsync(invoiceA.Id));
        Assert.Empty(await w.PaymentsAsync(invoiceB.Id));

        // Each network's own webhook confirms its own invoice, asked with its own key.
        await w.WebhookAsync(w.NetworkId, "checkout.session.completed", paidA, OnlineWorld.HookA);
        await w.WebhookAsync(other.Id, "checkout.session.completed", w.Fakes.StripePay(sessionB), OnlineWorld.HookB);
        Assert.Equal(other.Id, Assert.Single(await w.PaymentsAsync(invoiceB.Id)).NetworkId);
        Assert.Equal(w.NetworkId, Assert.Single(await w.PaymentsAsync(invoiceA.Id)).NetworkId);
    }

    [Fact]
    public async Task With_SEPA_enabled_a_debit_is_recorded_when_it_succeeds_and_a_mandate_pays_the_next_invoices()
    {
        await using var w = await OnlineWorld.StartAsync();
        await w.SetStripeAsync(w.NetworkId, sepa: true);
        var first = await w.SellAsync();
        var member = await w.MemberAsync();

        var session = SessionOf(w.Fakes, await OnlineWorld.PayAsync(member, first.Id));
        var form = w.Fakes.StripeRequests.Last(r => r.Path == "checkout/sessions").Form;
        Assert.Equal("sepa_debit", form["allowed_payment_method_types[1]"]);
        var completed = w.Fakes.StripePay(session, method: "sepa_debit", settled: false);
        await w.WebhookAsync(w.NetworkId, "checkout.session.completed", completed, OnlineWorld.HookA);
        Assert.Empty(await w.PaymentsAsync(first.Id)); // the debit is processing
        var pending = await member.GetDocumentAsync(OnlinePayments.ReturnPath((await w.AttemptAsync(session)).Id));
        Assert.Contains("en cours de traitement", pending.QuerySelector("#payment-outcome").Text(), StringComparison.Ordinal);
        var intent = w.Fakes.StripeSettle(completed["payment_intent"]!["id"]!.GetValue<string>());
        await w.WebhookAsync(w.NetworkId, "payment_intent.succeeded", intent, OnlineWorld.HookA);
        Assert.Equal(PaymentMethod.OnlineSepa, Assert.Single(await w.PaymentsAsync(first.Id)).Method);

        // A mandate: Checkout in mode setup, then the invoices issued afterwards are charged off session.
        w.App.Clock.Advance(TimeSpan.FromHours(1));
        var mandate = await member.SubmitFormAsync($"/mes-factures/{Id(first.Id)}/payer", new Dictionary<string, string>(), "#sepa-mandate form");
        var setup = SessionOf(w.Fakes, mandate);
        var setupForm = w.Fakes.StripeRequests.Last(r => r.Path == "checkout/sessions").Form;
        Assert.Equal("setup", setupForm["mode"]);
        Assert.Equal("sepa_debit", setupForm["allowed_payment_method_types[0]"]);
        Assert.StartsWith("cus_", setupForm["customer"], StringComparison.Ordinal);
        await w.WebhookAsync(w.NetworkId, "checkout.session.completed", w.Fakes.StripeSetup(setup), OnlineWorld.HookA);
        var signed = await w.App.WithDbAsync(db => db.Set<SepaMandate>().AsNoTracking().SingleAsync());
        Assert.Equal(w.MemberId, signed.UserId);
        Assert.StartsWith("pm_sepa_", signed.PaymentMethodId, StringComparison.Ordinal);
        Assert.Contains("Votre mandat SEPA est enregistré", (await member.GetDocumentAsync($"/mes-factures/{Id(first.Id)}/payer")).QuerySelector("#sepa-mandate").Text(), StringComparison.Ordinal);

        w.App.Clock.Advance(TimeSpan.FromDays(30));
        var monthly = await w.IssueAsync(w.NetworkId, 4500);
        var charged = 0;
        await w.App.WithScopeAsync(async sp => charged = await sp.GetRequiredService<OnlinePayments>().ChargeMandatesAsync(CancellationToken.None));
        Assert.Equal(1, charged); // the monthly invoice only: the first one was paid, and issued before the mandate
        var charge = w.Fakes.StripeRequests.Last(r => r.Path == "payment_intents").Form;
        Assert.Equal("4500", charge["amount"]);
        Assert.Equal("true", charge["off_session"]);
        Assert.Equal("true", charge["confirm"]);
        Assert.Equal(signed.CustomerId, charge["customer"]);
        Assert.Equal(signed.PaymentMethodId, charge["payment_method"]);
        Assert.Empty(await w.PaymentsAsync(monthly.Id));
        await w.App.WithScopeAsync(async sp => charged = await sp.GetRequiredService<OnlinePayments>().ChargeMandatesAsync(CancellationToken.None));
        Assert.Equal(0, charged); // a charge pending is not sent again

        var pi = w.Fakes.Stripe.Single(o => o.Value.Json["off_session"] is not null).Key;
        await w.WebhookAsync(w.NetworkId, "payment_intent.succeeded", w.Fakes.StripeSettle(pi), OnlineWorld.HookA);
        var debit = Assert.Single(await w.PaymentsAsync(monthly.Id));
        Assert.Equal(PaymentMethod.OnlineSepa, debit.Method);
        Assert.Equal("stripe:" + pi, debit.ProviderReference);
    }
}
