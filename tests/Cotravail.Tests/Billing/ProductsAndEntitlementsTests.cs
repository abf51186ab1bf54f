using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Billing.Entitlements;
using Cotravail.Web.Features.Billing.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Billing;

public sealed class ProductsAndEntitlementsTests
{
    internal static async Task<int> DesksAsync(TestApp app, string site = "luzech") =>
        await app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == site && r.Kind == Cotravail.Web.Features.Sites.ResourceKind.DeskPool).Select(r => r.Id).FirstAsync());

    internal static async Task<int> ProductAsync(TestApp app, ProductKind kind, string site = "luzech") =>
        await app.WithDbAsync(db => db.Products.Where(p => p.Site!.Slug == site && p.Kind == kind).Select(p => p.Id).FirstAsync());

    /// <summary>Sells a product to the demo member (as a host would), returning the entitlements.</summary>
    internal static async Task<SaleResult> SellAsync(TestApp app, ProductKind kind, string email = TestApp.MemberEmail, int quantity = 1)
    {
        var product = await ProductAsync(app, kind);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<Sales>().SellAsync(new SaleRequest(product, userId, quantity), null, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Problems.Values));
        return result;
    }

    private static async Task<JsonElement> EntitlementsAsync(HttpClient member) =>
        await member.GetFromJsonAsync<JsonElement>("/api/v1/me/entitlements");

    [Fact]
    public async Task The_public_sees_the_demo_products_of_a_site_and_an_unknown_site_is_a_404()
    {
        await using var app = await TestApp.StartAsync();
        var site = (await app.SiteAsync("luzech")).Id;
        var products = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/sites/{site}/products");
        var byKind = products.EnumerateArray().ToDictionary(p => p.GetProperty("kind").GetString()!);
        Assert.Equal(1500, byKind["dayPass"].GetProperty("priceCents").GetInt32());
        Assert.Equal(800, byKind["halfDayPass"].GetProperty("priceCents").GetInt32());
        Assert.Equal(1000, byKind["meetingRoomHour"].GetProperty("priceCents").GetInt32());
        Assert.Equal(13000, byKind["carnet"].GetProperty("priceCents").GetInt32());
        Assert.Equal(10, byKind["carnet"].GetProperty("days").GetInt32());
        Assert.Equal(6, byKind["carnet"].GetProperty("validityMonths").GetInt32());
        Assert.Equal(15000, byKind["subscription"].GetProperty("priceCents").GetInt32());
        Assert.Equal(JsonValueKind.Null, byKind["subscription"].GetProperty("days").ValueKind);

        var unknown = await app.CreateClient().GetAsync(new Uri("/api/v1/sites/9999/products", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_member_orders_a_carnet_and_each_desk_booking_uses_a_day_until_a_cancellation_gives_it_back()
    {
        await using var app = await TestApp.StartAsync();
        var browser = app.Browser();
        await browser.SignInAsync(TestApp.MemberEmail);
        var carnet = await ProductAsync(app, ProductKind.Carnet);

        var ordered = await OnlineOrderPagesTests.OrderOnPageAsync(browser, carnet, payment: "Transfer");
        Assert.Equal(HttpStatusCode.Redirect, ordered.StatusCode);
        var result = await browser.GetDocumentAsync(ordered.Headers.Location!.OriginalString);
        Assert.Contains("F2026-000001", result.QuerySelector("#order-result").Text(), StringComparison.Ordinal);
        Assert.Contains("130,00 €", result.QuerySelector("#order-result").Text().Replace('\u00a0', ' '), StringComparison.Ordinal);
        var page = await browser.GetDocumentAsync("/mes-droits");
        Assert.Contains("10 sur 10", page.QuerySelector("table").Text(), StringComparison.Ordinal);

        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var mine = await EntitlementsAsync(member);
        var entitlement = mine.GetProperty("entitlements")[0];
        Assert.Equal("carnet", entitlement.GetProperty("kind").GetString());
        Assert.Equal(10, entitlement.GetProperty("remainingDays").GetInt32());
        Assert.Equal("2027-05-31", entitlement.GetProperty("expiresOn").GetString());
        Assert.True(mine.GetProperty("discoveryDayAvailable").GetBoolean());

        var desks = await DesksAsync(app);
        var booked = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "day" });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var bookedJson = await booked.JsonAsync();
        Assert.Equal(0, bookedJson.GetProperty("priceCents").GetInt32());
        var bookingId = bookedJson.GetProperty("id").GetInt32();
        Assert.Equal(9, (await EntitlementsAsync(member)).GetProperty("entitlements")[0].GetProperty("remainingDays").GetInt32());
        var covered = await app.WithDbAsync(db => db.CoveredBookings.SingleAsync(c => c.BookingId == bookingId));
        Assert.Equal(entitlement.GetProperty("id").GetInt32(), covered.EntitlementId);

        var cancelled = await member.DeleteAsync(new Uri($"/api/v1/bookings/{bookingId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(10, (await EntitlementsAsync(member)).GetProperty("entitlements")[0].GetProperty("remainingDays").GetInt32());
    }

    [Fact]
    public async Task Bad_orders_get_a_French_message_and_change_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var browser = app.Browser();
        await browser.SignInAsync(TestApp.MemberEmail);
        var carnet = await ProductAsync(app, ProductKind.Carnet);
        var day = await ProductAsync(app, ProductKind.DayPass);

        async Task<string> OrderAsync(string product, string quantity)
        {
            var response = await browser.SubmitFormAsync("/mes-droits", new Dictionary<string, string>
            {
                ["Order.ProductId"] = product, ["Order.Quantity"] = quantity,
            }, "main form.form");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.ParseAsync()).QuerySelector("main").Text();
        }

        Assert.Contains("La quantité va de 1 à 12.", await OrderAsync(carnet.ToString(System.Globalization.CultureInfo.InvariantCulture), "0"), StringComparison.Ordinal);
        Assert.Contains("Ce produit n'existe pas.", await OrderAsync("999999", "1"), StringComparison.Ordinal);
        Assert.Contains("le reste se règle à l'accueil", await OrderAsync(day.ToString(System.Globalization.CultureInfo.InvariantCulture), "1"), StringComparison.Ordinal);
        await app.WithDbAsync(db => db.Products.Where(p => p.Id == carnet).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsArchived, true)));
        Assert.Contains("Ce produit n'est plus en vente.", await OrderAsync(carnet.ToString(System.Globalization.CultureInfo.InvariantCulture), "1"), StringComparison.Ordinal);

        Assert.Equal(0, await app.WithDbAsync(db => db.Invoices.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Entitlements.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_booking_uses_the_subscription_before_the_carnet_and_pays_without_either(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SellAsync(app, ProductKind.Carnet);
        var subscription = (await SellAsync(app, ProductKind.Subscription)).Entitlements.Single();
        Assert.Equal(new DateOnly(2026, 12, 31), subscription.ExpiresOn);
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await DesksAsync(app);

        var booked = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "morning" });
        var id = (await booked.JsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(subscription.Id, await app.WithDbAsync(db => db.CoveredBookings.Where(c => c.BookingId == id).Select(c => c.EntitlementId).SingleAsync()));

        // In January the subscription is over: the carnet is used.
        var january = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2027-01-05", period = "day" });
        Assert.Equal(0, (await january.JsonAsync()).GetProperty("priceCents").GetInt32());
        Assert.Equal(1, await app.WithDbAsync(db => db.Entitlements.Where(e => e.Kind == ProductKind.Carnet).Select(e => e.Used).SingleAsync()));

        // A meeting room is never covered by a carnet: it is charged.
        var room = await app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == "luzech" && r.Kind == Cotravail.Web.Features.Sites.ResourceKind.MeetingRoom).Select(r => r.Id).FirstAsync());
        var meeting = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = room, start = "2026-12-03T10:00", end = "2026-12-03T11:00" });
        Assert.Equal(HttpStatusCode.Created, meeting.StatusCode);
        Assert.Equal(1000, (await meeting.JsonAsync()).GetProperty("priceCents").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_bookings_at_once_on_the_last_carnet_day_one_uses_it_the_other_is_charged(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var carnet = (await SellAsync(app, ProductKind.Carnet)).Entitlements.Single();
        await app.WithDbAsync(db => db.Entitlements.Where(e => e.Id == carnet.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Used, 9)));
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await DesksAsync(app);

        for (var round = 0; round < 3; round++)
        {
            using var start = new ManualResetEventSlim();
            var tasks = new[] { 3, 4 }.Select(d => Task.Run(async () =>
            {
                start.Wait();
                var r = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = $"2026-12-{d + (round * 7):00}", period = "day" });
                Assert.Equal(HttpStatusCode.Created, r.StatusCode);
                return (await r.JsonAsync()).GetProperty("priceCents").GetInt32();
            })).ToList();
            start.Set();
            var prices = (await Task.WhenAll(tasks)).Order().ToList();
            Assert.Equal([0, 1500], prices);
            Assert.Equal(10, await app.WithDbAsync(db => db.Entitlements.Where(e => e.Id == carnet.Id).Select(e => e.Used).SingleAsync()));
            // Give the day back for the next round.
            await app.WithDbAsync(db => db.Entitlements.Where(e => e.Id == carnet.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Used, 9)));
        }
        Assert.Equal(3, await app.WithDbAsync(db => db.CoveredBookings.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_discovery_day_is_free_once_when_asked_for(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await DesksAsync(app);

        var normal = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-02", period = "day" });
        Assert.Equal(1500, (await normal.JsonAsync()).GetProperty("priceCents").GetInt32());

        using var start = new ManualResetEventSlim();
        var tasks = new[] { 3, 4 }.Select(d => Task.Run(async () =>
        {
            start.Wait();
            return await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = $"2026-12-{d:00}", period = "day", discovery = true });
        })).ToList();
        start.Set();
        var responses = await Task.WhenAll(tasks);
        var free = await Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created).JsonAsync();
        Assert.Equal(0, free.GetProperty("priceCents").GetInt32());
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.BadRequest);
        Assert.Contains("déjà profité", (await refused.JsonAsync()).GetProperty("errors").GetProperty("discovery")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.Bookings.CountAsync()));
        Assert.False((await EntitlementsAsync(member)).GetProperty("discoveryDayAvailable").GetBoolean());

        // Cancelled in time, the discovery day comes back.
        var id = free.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await member.DeleteAsync(new Uri($"/api/v1/bookings/{id}", UriKind.Relative))).StatusCode);
        Assert.True((await EntitlementsAsync(member)).GetProperty("discoveryDayAvailable").GetBoolean());
    }

    [Fact]
    public async Task A_late_cancellation_keeps_the_day_used_unless_the_site_does_not_charge_late_cancellations()
    {
        await using var app = await TestApp.StartAsync();
        var carnet = (await SellAsync(app, ProductKind.Carnet)).Entitlements.Single();
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await DesksAsync(app);

        // Tomorrow's bookings: the cut-off (18:00 the day before) is today; at 19:00 a cancellation is late.
        var prayssac = (await app.SiteAsync("prayssac")).Id;
        await app.WithDbAsync(db => db.Sites.Where(s => s.Id == prayssac).ExecuteUpdateAsync(s => s.SetProperty(x => x.ChargeLateCancellations, false)));
        var charged = (await (await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-02", period = "day" })).JsonAsync()).GetProperty("id").GetInt32();
        var notCharged = (await (await member.PostJsonAsync("/api/v1/bookings", new { resourceId = await DesksAsync(app, "prayssac"), date = "2026-12-02", period = "morning" })).JsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(2, await app.WithDbAsync(db => db.Entitlements.Where(e => e.Id == carnet.Id).Select(e => e.Used).SingleAsync()));
        app.Clock.Advance(TimeSpan.FromHours(10));
        member = await app.ApiClientAsync(TestApp.MemberEmail); // the sign-in of 09:00 has expired

        Assert.Equal(HttpStatusCode.OK, (await member.DeleteAsync(new Uri($"/api/v1/bookings/{charged}", UriKind.Relative))).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Entitlements.Where(e => e.Id == carnet.Id).Select(e => e.Used).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await member.DeleteAsync(new Uri($"/api/v1/bookings/{notCharged}", UriKind.Relative))).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Entitlements.Where(e => e.Id == carnet.Id).Select(e => e.Used).SingleAsync()));
    }

    [Fact]
    public async Task A_late_cancellation_charged_at_the_sites_price_is_not_invoiced_when_the_site_says_so()
    {
        await using var app = await TestApp.StartAsync();
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await DesksAsync(app);
        var id = (await (await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-02", period = "day" })).JsonAsync()).GetProperty("id").GetInt32();
        app.Clock.Advance(TimeSpan.FromHours(10));
        member = await app.ApiClientAsync(TestApp.MemberEmail); // the sign-in of 09:00 has expired
        Assert.Equal("lateCancelled", (await (await member.DeleteAsync(new Uri($"/api/v1/bookings/{id}", UriKind.Relative))).JsonAsync()).GetProperty("status").GetString());
        var site = (await app.SiteAsync("luzech")).Id;
        await app.WithDbAsync(db => db.Sites.Where(s => s.Id == site).ExecuteUpdateAsync(s => s.SetProperty(x => x.ChargeLateCancellations, false)));

        var network = await app.WithDbAsync(db => db.Networks.Select(n => n.Id).SingleAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var invoices = await scope.ServiceProvider.GetRequiredService<Cotravail.Web.Features.Billing.MonthlyInvoicing>().RunAsync(network, 2026, 12, CancellationToken.None);
        Assert.Empty(invoices);
    }

    [Fact]
    public async Task Members_get_one_email_a_week_before_a_carnet_expires()
    {
        // The background worker would run at the clock's jump: this test runs the job itself.
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Billing:ExpiryReminders"] = "false" });
        var carnet = (await SellAsync(app, ProductKind.Carnet)).Entitlements.Single();
        await using var scope = app.Services.CreateAsyncScope();
        var reminders = scope.ServiceProvider.GetRequiredService<ExpiryReminders>();
        Assert.Equal(0, await reminders.SendDueAsync(CancellationToken.None));

        app.Clock.SetUtcNow(new DateTimeOffset(2027, 5, 25, 8, 0, 0, TimeSpan.Zero)); // six days before the 31st
        Assert.Equal(1, await reminders.SendDueAsync(CancellationToken.None));
        Assert.Equal(0, await reminders.SendDueAsync(CancellationToken.None));
        var mail = Assert.Single(app.Mails(), m => (m.Subject ?? "").Contains("prend fin", StringComparison.Ordinal));
        Assert.Equal(TestApp.MemberEmail, mail.To.Mailboxes.Single().Address);
        Assert.Contains("lundi 31 mai 2027", mail.TextBody!, StringComparison.Ordinal);
        Assert.Contains("Il vous reste 10 journées", mail.TextBody!, StringComparison.Ordinal);
        _ = carnet;
    }
}
