using System.Globalization;
using System.Net;
using System.Text.Json;
using Cotravail.Tests.Events;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Trust;
using Cotravail.Web.Common.Happenings;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Webhooks;

/// <summary>What another tool receives: each happening once, signed, with its data; retries; failures; networks apart.</summary>
public sealed class WebhookDeliveryTests
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<int> IssueAsync(TestApp app, int networkId, int cents)
    {
        Invoice? invoice = null;
        await app.WithScopeAsync(async sp =>
            invoice = await sp.GetRequiredService<InvoiceIssuer>().IssueAsync(networkId,
                new ClientIdentity(null, "Sophie Martin", null, TestApp.MemberEmail), [new LineRequest("Journée", 1, cents, 0)], CancellationToken.None));
        return invoice!.Id;
    }

    private static async Task<int> PayAsync(TestApp app, int invoiceId, int cents, int siteId)
    {
        var payment = 0;
        await app.WithScopeAsync(async sp =>
        {
            var (outcome, recorded, _) = await sp.GetRequiredService<Payments>().RecordAsync(
                new PaymentRequest(invoiceId, PaymentMethod.Cash, cents, siteId, null, null, null), "test", CancellationToken.None);
            Assert.Equal(PaymentOutcome.Recorded, outcome);
            payment = recorded!.Id;
        });
        return payment;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_happening_reaches_the_endpoint_once_signed_with_its_data(string provider)
    {
        await using var w = await WebhookWorld.StartAsync(provider);
        var (endpoint, secret) = await w.AddEndpointAsync(w.NetworkId);
        var luzech = (await w.App.SiteAsync("luzech")).Id;

        // A member with nothing to take (on PostgreSQL, the one-batch booking), then the demo member's booking, cancelled.
        var newcomer = await w.App.CreateUserAsync("nouvelle@exemple.fr");
        var booked = await w.App.BookDeskAsync(newcomer.Email!, "luzech");
        var cancelled = await w.App.BookDeskAsync(TestApp.MemberEmail, "luzech", "2026-12-03");
        using (var member = await w.App.ApiClientAsync(TestApp.MemberEmail))
        {
            Assert.Equal(HttpStatusCode.OK, (await member.DeleteAsync(new Uri($"/api/v1/bookings/{Id(cancelled)}", UriKind.Relative))).StatusCode);
            var eventId = await w.App.CreateEventAsync("luzech");
            var registered = await member.PostAsync(new Uri($"/api/v1/events/{Id(eventId)}/registrations", UriKind.Relative), null);
            Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        }
        using (var host = await w.App.ApiClientAsync(TestApp.HostEmail))
        {
            var checkin = await host.PostJsonAsync($"/api/v1/sites/{Id(luzech)}/checkins", new { bookingId = booked });
            Assert.Equal(HttpStatusCode.Created, checkin.StatusCode);
        }
        var invoice = await IssueAsync(w.App, w.NetworkId, 1500);
        var payment = await PayAsync(w.App, invoice, 1500, luzech);

        await w.DeliverAsync();
        var got = w.Receiver.Requests.ToList();
        var types = got.Select(r => r.Json.GetProperty("type").GetString()).Order().ToList();
        Assert.Equal(["booking.cancelled", "booking.created", "booking.created", "checkin.recorded", "event.registration.created", "invoice.issued", "payment.recorded"], types);
        Assert.All(got, r =>
        {
            Assert.True(w.Signed(r, secret), "signature");
            Assert.False(WebhookSignatureHolds(r, "whsec_another"), "a wrong secret does not verify");
            Assert.Equal(w.NetworkId, r.Json.GetProperty("networkId").GetInt32());
            Assert.Equal(r.Type, r.Json.GetProperty("type").GetString());
            Assert.NotNull(r.Json.GetProperty("id").GetString());
            Assert.Equal(JsonValueKind.Object, r.Json.GetProperty("data").ValueKind);
        });
        Assert.Equal(got.Count, got.Select(r => r.Delivery).Distinct().Count());
        JsonElement Data(string type, Func<JsonElement, bool>? which = null) =>
            got.Select(r => r.Json).Single(j => j.GetProperty("type").GetString() == type && (which?.Invoke(j.GetProperty("data")) ?? true)).GetProperty("data");
        Assert.Equal(luzech, Data("booking.created", d => d.GetProperty("bookingId").GetInt32() == booked).GetProperty("siteId").GetInt32());
        Assert.Equal(newcomer.Id, Data("booking.created", d => d.GetProperty("bookingId").GetInt32() == booked).GetProperty("userId").GetString());
        Assert.Equal(cancelled, Data("booking.cancelled").GetProperty("bookingId").GetInt32());
        Assert.Equal(booked, Data("checkin.recorded").GetProperty("bookingId").GetInt32());
        Assert.Equal(invoice, Data("invoice.issued").GetProperty("invoiceId").GetInt32());
        Assert.Equal(1500, Data("invoice.issued").GetProperty("totalCents").GetInt32());
        Assert.Equal(payment, Data("payment.recorded").GetProperty("paymentId").GetInt32());
        Assert.Equal("Cash", Data("payment.recorded").GetProperty("method").GetString());
        Assert.Equal("registered", Data("event.registration.created").GetProperty("status").GetString());
        // Nothing personal beyond the account's id.
        Assert.DoesNotContain(got, r => System.Text.Encoding.UTF8.GetString(r.Body).Contains('@', StringComparison.Ordinal));

        // Sent once: a second run has nothing to send, and the log says delivered.
        Assert.Equal(0, await w.DeliverAsync());
        Assert.Equal(7, w.Receiver.Requests.Count);
        Assert.All(await w.DeliveriesAsync(endpoint), d => Assert.Equal((DeliveryState.Delivered, 1, 200), (d.State, d.Attempts, d.LastStatusCode)));
    }

    private static bool WebhookSignatureHolds(Received r, string secret) =>
        Cotravail.Web.Common.Signing.WebhookSignature.Verify(secret, r.Signature, r.Body, DateTimeOffset.UtcNow, TimeSpan.FromDays(3650));

    [Fact]
    public async Task An_endpoint_subscribed_to_some_kinds_gets_only_those()
    {
        await using var w = await WebhookWorld.StartAsync();
        var (endpoint, _) = await w.AddEndpointAsync(w.NetworkId, events: HappeningKind.InvoiceIssued);
        await w.App.BookDeskAsync(TestApp.MemberEmail, "luzech");
        await IssueAsync(w.App, w.NetworkId, 900);
        await w.DeliverAsync();
        Assert.Equal("invoice.issued", Assert.Single(w.Receiver.Requests).Type);
        Assert.Single(await w.DeliveriesAsync(endpoint));
    }

    [Fact]
    public async Task An_answer_500_is_tried_again_later_and_then_delivered()
    {
        await using var w = await WebhookWorld.StartAsync();
        var (endpoint, secret) = await w.AddEndpointAsync(w.NetworkId);
        w.Receiver.Answers.Enqueue(500);
        await IssueAsync(w.App, w.NetworkId, 900);

        Assert.Equal(0, await w.DeliverAsync());
        var first = Assert.Single(await w.DeliveriesAsync(endpoint));
        Assert.Equal((DeliveryState.Pending, 1, 500), (first.State, first.Attempts, first.LastStatusCode));
        Assert.Equal(w.App.Clock.GetUtcNow().UtcDateTime + WebhookDispatcher.WaitAfter(1), first.DueAtUtc);

        // Not before its time; then delivered, the same happening (same id) with a fresh signature.
        Assert.Equal(0, await w.DeliverAsync());
        Assert.Single(w.Receiver.Requests);
        w.App.Clock.Advance(WebhookDispatcher.WaitAfter(1));
        Assert.Equal(1, await w.DeliverAsync());
        var tries = w.Receiver.Requests.ToList();
        Assert.Equal(2, tries.Count);
        Assert.Equal(tries[0].Json.GetProperty("id").GetString(), tries[1].Json.GetProperty("id").GetString());
        Assert.Equal(tries[0].Delivery, tries[1].Delivery);
        Assert.True(w.Signed(tries[1], secret));
        var done = Assert.Single(await w.DeliveriesAsync(endpoint));
        Assert.Equal((DeliveryState.Delivered, 2, 200), (done.State, done.Attempts, done.LastStatusCode));

        // The log on the page says so.
        var manager = await w.ManagerAsync();
        var row = (await manager.GetDocumentAsync(WebhookWorld.Page(w.NetworkId))).QuerySelector($"tr[data-delivery='{done.Id.ToString(CultureInfo.InvariantCulture)}']")!;
        Assert.Contains("Facture émise", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Reçu", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_that_never_answers_times_out_is_tried_again_and_fails_after_the_last_try()
    {
        await using var w = await WebhookWorld.StartAsync();
        var (endpoint, _) = await w.AddEndpointAsync(w.NetworkId);
        for (var i = 0; i < WebhookWorld.MaxAttempts; i++)
        {
            w.Receiver.Answers.Enqueue(WebhookReceiver.Silence);
        }
        await IssueAsync(w.App, w.NetworkId, 900);
        for (var attempt = 1; attempt <= WebhookWorld.MaxAttempts; attempt++)
        {
            Assert.Equal(0, await w.DeliverAsync());
            var row = Assert.Single(await w.DeliveriesAsync(endpoint));
            Assert.Equal(attempt, row.Attempts);
            Assert.Null(row.LastStatusCode);
            Assert.Contains("Pas de réponse", row.LastError, StringComparison.Ordinal);
            Assert.Equal(attempt < WebhookWorld.MaxAttempts ? DeliveryState.Pending : DeliveryState.Failed, row.State);
            w.App.Clock.Advance(WebhookDispatcher.WaitAfter(attempt));
        }
        // Given up: nothing more is sent.
        w.App.Clock.Advance(TimeSpan.FromDays(1));
        await w.DeliverAsync();
        Assert.Equal(WebhookWorld.MaxAttempts, w.Receiver.Requests.Count);
        var manager = await w.ManagerAsync();
        Assert.Contains("Abandonné", (await manager.GetDocumentAsync(WebhookWorld.Page(w.NetworkId))).QuerySelector($"#endpoint-{Id(endpoint)}")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_endpoint_gets_nothing_and_gets_again_once_enabled()
    {
        await using var w = await WebhookWorld.StartAsync();
        var (endpoint, _) = await w.AddEndpointAsync(w.NetworkId);
        await IssueAsync(w.App, w.NetworkId, 900); // waiting when the endpoint is disabled
        var manager = await w.ManagerAsync();
        WebhookWorld.IsRedirect(await manager.SubmitFormAsync(WebhookWorld.Page(w.NetworkId), new Dictionary<string, string>(), $"#disable-{Id(endpoint)}"));
        Assert.Contains("désactivé", (await manager.GetDocumentAsync(WebhookWorld.Page(w.NetworkId))).QuerySelector($"#endpoint-{Id(endpoint)}")!.TextContent, StringComparison.Ordinal);

        await IssueAsync(w.App, w.NetworkId, 800);
        await w.App.BookDeskAsync(TestApp.MemberEmail, "luzech");
        await w.DeliverAsync();
        Assert.Empty(w.Receiver.Requests);
        Assert.Single(await w.DeliveriesAsync(endpoint)); // only the one written before

        WebhookWorld.IsRedirect(await manager.SubmitFormAsync(WebhookWorld.Page(w.NetworkId), new Dictionary<string, string>(), $"#enable-{Id(endpoint)}"));
        await w.DeliverAsync();
        Assert.Equal(900, Assert.Single(w.Receiver.Requests).Json.GetProperty("data").GetProperty("totalCents").GetInt32());
    }

    [Fact]
    public async Task A_network_s_endpoint_never_receives_another_network_s_happenings()
    {
        await using var w = await WebhookWorld.StartAsync();
        var (other, otherSite, _) = await w.App.CreateOtherNetworkAsync();
        var (a, secretA) = await w.AddEndpointAsync(w.NetworkId, "/a");
        var (b, secretB) = await w.AddEndpointAsync(other.Id, "/b");

        await w.App.BookDeskAsync(TestApp.MemberEmail, "luzech");
        var invoiceA = await IssueAsync(w.App, w.NetworkId, 1000);
        var invoiceB = await IssueAsync(w.App, other.Id, 2000);
        await PayAsync(w.App, invoiceB, 2000, otherSite.Id);
        await w.DeliverAsync();

        var toA = w.Receiver.To("/a");
        var toB = w.Receiver.To("/b");
        Assert.Equal(["booking.created", "invoice.issued"], toA.Select(r => r.Type).Order());
        Assert.Equal(["invoice.issued", "payment.recorded"], toB.Select(r => r.Type).Order());
        Assert.All(toA, r => Assert.Equal(w.NetworkId, r.Json.GetProperty("networkId").GetInt32()));
        Assert.All(toB, r => Assert.Equal(other.Id, r.Json.GetProperty("networkId").GetInt32()));
        Assert.All(toA, r => Assert.True(w.Signed(r, secretA) && !w.Signed(r, secretB)));
        Assert.All(toB, r => Assert.True(w.Signed(r, secretB) && !w.Signed(r, secretA)));
        Assert.Equal(invoiceA, toA.Single(r => r.Type == "invoice.issued").Json.GetProperty("data").GetProperty("invoiceId").GetInt32());
        Assert.Equal(2, (await w.DeliveriesAsync(a)).Count);
        Assert.Equal(2, (await w.DeliveriesAsync(b)).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_dispatchers_at_once_send_each_delivery_once(string provider)
    {
        await using var w = await WebhookWorld.StartAsync(provider);
        var (endpoint, _) = await w.AddEndpointAsync(w.NetworkId);
        for (var i = 0; i < 12; i++)
        {
            await IssueAsync(w.App, w.NetworkId, 100 + i);
        }
        // Two instances' dispatchers (each has its own one-run-at-a-time lock) over the same database.
        var dispatchers = Enumerable.Range(0, 2).Select(_ => ActivatorUtilities.CreateInstance<WebhookDispatcher>(w.App.Services)).ToList();
        var sent = await Task.WhenAll(dispatchers.Select(d => Task.Run(() => d.DeliverDueAsync(CancellationToken.None))));
        Assert.Equal(12, sent.Sum());
        Assert.Equal(12, w.Receiver.Requests.Count);
        Assert.Equal(12, w.Receiver.Requests.Select(r => r.Delivery).Distinct().Count());
        Assert.All(await w.DeliveriesAsync(endpoint), d => Assert.Equal((DeliveryState.Delivered, 1), (d.State, d.Attempts)));
    }
}
