using System.Net;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Events;
using Cotravail.Web.Features.Reception;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.MySpace;

/// <summary>Arranging what « Mon espace » shows: through the API as a member would, or straight in the database for another network.</summary>
internal static class MySpaceSteps
{
    public const string Page = "/mon-espace";
    public const string Api = "/api/v1/me/summary";

    public static Task<int> DesksAsync(TestApp app, string site = "luzech") =>
        app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == site && r.Kind == ResourceKind.DeskPool).Select(r => r.Id).FirstAsync());

    public static async Task<int> BookAsync(HttpClient member, int desks, string date, string period = "day")
    {
        var created = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date, period });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.JsonAsync()).GetProperty("id").GetInt32();
    }

    /// <summary>Orders the Luzech carnet of 10 days, to pay by transfer: an entitlement and an unpaid invoice.</summary>
    public static async Task<(int InvoiceId, string Number)> OrderCarnetAsync(TestApp app, HttpClient member)
    {
        var carnet = await app.WithDbAsync(db => db.Products
            .Where(p => p.Site!.Slug == "luzech" && p.Kind == Cotravail.Web.Features.Billing.Products.ProductKind.Carnet).Select(p => p.Id).FirstAsync());
        var ordered = await member.PostJsonAsync("/api/v1/me/orders", new { productId = carnet, quantity = 1, payment = "transfer" });
        Assert.Equal(HttpStatusCode.Created, ordered.StatusCode);
        var json = await ordered.JsonAsync();
        return (json.GetProperty("invoiceId").GetInt32(), json.GetProperty("invoiceNumber").GetString()!);
    }

    public static async Task RegisterAsync(HttpClient member, int eventId) =>
        Assert.Equal(HttpStatusCode.Created,
            (await member.PostAsync(new Uri($"/api/v1/events/{eventId}/registrations", UriKind.Relative), null)).StatusCode);

    public static async Task<JsonElement> SummaryAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri(Api, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    /// <summary>The figures of the week of one network, by its name, from the summary's <c>networkWeeks</c>.</summary>
    public static JsonElement Week(JsonElement summary, string network) =>
        summary.GetProperty("networkWeeks").EnumerateArray().Single(w => w.GetProperty("name").GetString() == network);

    /// <summary>
    /// In the site's network (straight in the database): a person who joined it today, their confirmed booking of the day on
    /// <paramref name="date"/>, a visit that day, a published event on the same day with one registration, an invoice of
    /// <paramref name="invoicedCents"/> issued today and a payment of it.
    /// </summary>
    public static async Task ActivityAsync(TestApp app, string siteSlug, string email, DateOnly date, int invoicedCents)
    {
        var person = await app.CreateUserAsync(email);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            var site = await db.Sites.Include(s => s.Resources).SingleAsync(s => s.Slug == siteSlug);
            var desk = site.Resources.First(r => r.Kind == ResourceKind.DeskPool);
            var start = date.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc);
            db.Set<NetworkMember>().Add(new NetworkMember { UserId = person.Id, NetworkId = site.NetworkId, SinceUtc = now });
            db.Bookings.Add(new Cotravail.Web.Features.Booking.Booking
            {
                SiteId = site.Id, ResourceId = desk.Id, UserId = person.Id, Date = date, Period = Period.Day,
                LocalStart = new TimeOnly(9, 0), LocalEnd = new TimeOnly(18, 0), StartUtc = start, EndUtc = start.AddHours(9),
                Status = BookingStatus.Confirmed, PriceCents = 1200, CreatedAtUtc = now,
            });
            var visitor = new Visitor { UserId = person.Id, FirstName = "Test", LastName = email, SearchKey = email, CreatedAtUtc = now };
            db.Visitors.Add(visitor);
            db.Visits.Add(new Visit
            {
                SiteId = site.Id, Visitor = visitor, UserId = person.Id, Date = date, ArrivedAtUtc = start, DepartedAtUtc = start.AddHours(8),
                Kind = VisitKind.WalkIn, Pass = "Pass journée",
            });
            db.Events.Add(new Event
            {
                SiteId = site.Id, Title = "Atelier de " + site.Name, Kind = EventKind.Workshop, Status = EventStatus.Published, Capacity = 10,
                Registered = 1, StartUtc = start.AddHours(9), EndUtc = start.AddHours(11), OrganiserName = "Test", Description = "Test",
                CreatedAtUtc = now,
            });
            var year = await db.Invoices.Where(i => i.NetworkId == site.NetworkId && i.Year == date.Year).MaxAsync(i => (int?)i.Sequence) ?? 0;
            var invoice = new Invoice
            {
                NetworkId = site.NetworkId, Kind = InvoiceKind.Invoice, Number = $"T{date.Year}-{year + 1:000000}", Year = date.Year, Sequence = year + 1,
                IssueDate = DateOnly.FromDateTime(now), IssuedAtUtc = now, DueDate = DateOnly.FromDateTime(now).AddDays(30),
                IssuerName = "Réseau", IssuerAddress = "Adresse", UserId = person.Id, ClientName = "Test " + email, PaymentTerms = "30 jours",
                TotalExclTaxCents = invoicedCents, TotalInclTaxCents = invoicedCents,
            };
            db.Invoices.Add(invoice);
            await db.SaveChangesAsync();
            db.Payments.Add(new Payment
            {
                InvoiceId = invoice.Id, NetworkId = site.NetworkId, SiteId = site.Id, Method = PaymentMethod.Cash, AmountCents = invoicedCents,
                RecordedAtUtc = now, RecordedByUserId = person.Id,
            });
            await db.SaveChangesAsync();
            return 0;
        });
    }
}
