using Cotravail.Tests.Events;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Access.Wifi;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Billing.Entitlements;
using Cotravail.Web.Features.Billing.Products;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Access.Wifi;

/// <summary>
/// Two networks with Wi-Fi: Luzech and Prayssac (network A), Lalbenque (network B). On Tuesday 1 December 2026 at 9:00:
/// « booked » has a booking at Luzech today, « subscribed » a subscription of network A, « nothing » no right at all,
/// « causse » a subscription of network B; an event at Luzech from 14:00 to 16:00.
/// </summary>
public sealed record WifiWorld(TestApp App, int Luzech, int Prayssac, int Lalbenque, int EventId)
{
    public const string ApiKey = "cle-du-wifi-pour-les-tests";
    public const string Booked = "reserve@wifi.test";
    public const string Subscribed = "abonne@wifi.test";
    public const string Nothing = "rien@wifi.test";
    public const string Causse = "causse@wifi.test";

    public static Dictionary<string, string?> Settings => new() { ["Wifi:ApiKey"] = ApiKey };

    public static async Task<WifiWorld> CreateAsync(TestApp app)
    {
        var (_, other, _) = await app.CreateOtherNetworkAsync();
        var booked = await app.CreateUserAsync(Booked);
        var subscribed = await app.CreateUserAsync(Subscribed);
        await app.CreateUserAsync(Nothing);
        var causse = await app.CreateUserAsync(Causse);
        var luzech = (await app.SiteAsync("luzech")).Id;
        var prayssac = (await app.SiteAsync("prayssac")).Id;
        await app.WithDbAsync(async db =>
        {
            db.WifiSites().AddRange(
                new WifiSite { SiteId = luzech, NasIdentifier = "nas-luzech", GuestSecret = WifiRules.NewSecret() },
                new WifiSite { SiteId = prayssac, NasIdentifier = "nas-prayssac", GuestSecret = WifiRules.NewSecret() },
                new WifiSite { SiteId = other.Id, NasIdentifier = "nas-lalbenque", GuestSecret = WifiRules.NewSecret() });
            var desk = await db.Resources.Where(r => r.SiteId == luzech && r.Kind == Cotravail.Web.Features.Sites.ResourceKind.DeskPool).Select(r => r.Id).FirstAsync();
            db.Bookings.Add(new Cotravail.Web.Features.Booking.Booking
            {
                SiteId = luzech, ResourceId = desk, UserId = booked.Id, Date = new(2026, 12, 1), Period = Period.Day,
                LocalStart = new(9, 0), LocalEnd = new(18, 0), StartUtc = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc),
                EndUtc = new DateTime(2026, 12, 1, 17, 0, 0, DateTimeKind.Utc), Status = BookingStatus.Confirmed,
                CreatedAtUtc = new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
            return 0;
        });
        await SubscribeAsync(app, subscribed.Id, prayssac);
        await SubscribeAsync(app, causse.Id, other.Id);
        var eventId = await app.CreateEventAsync("luzech", startUtc: new DateTime(2026, 12, 1, 13, 0, 0, DateTimeKind.Utc), title: "Atelier Wi-Fi");
        return new WifiWorld(app, luzech, prayssac, other.Id, eventId);
    }

    /// <summary>The guests' code of the event, as its staff reads it.</summary>
    public Task<string> GuestCodeAsync() => App.WithDbAsync(async db =>
    {
        var e = await db.Events.SingleAsync(x => x.Id == EventId);
        var secret = await db.WifiSites().Where(w => w.SiteId == e.SiteId).Select(w => w.GuestSecret).SingleAsync();
        return WifiRules.GuestCode(secret, e.Id, e.StartUtc);
    });

    /// <summary>The member's personal Wi-Fi code, as « Ma carte » shows it.</summary>
    public async Task<string> CodeOfAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Cotravail.Web.Data.AppDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await scope.ServiceProvider.GetRequiredService<WifiCodes>().CodeOfAsync(userId, CancellationToken.None);
    }

    public Task<List<Cotravail.Web.Features.Reception.Visit>> VisitsOfAsync(string email) => App.WithDbAsync(db =>
        db.Visits.AsNoTracking().Where(v => db.Users.Any(u => u.Id == v.UserId && u.Email == email)).ToListAsync());

    private static Task SubscribeAsync(TestApp app, string userId, int siteId) => app.WithDbAsync(async db =>
    {
        var site = await db.Sites.SingleAsync(s => s.Id == siteId);
        var sequence = 800000 + await db.Invoices.CountAsync();
        var invoice = new Invoice
        {
            NetworkId = site.NetworkId, Kind = InvoiceKind.Invoice, Number = $"F2026-{sequence}", Year = 2026, Sequence = sequence,
            IssueDate = new(2026, 11, 20), IssuedAtUtc = new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc), DueDate = new(2026, 12, 20),
            IssuerName = "Réseau", IssuerAddress = "Mairie", UserId = userId, ClientName = "Membre", PaymentTerms = "30 jours",
            TotalExclTaxCents = 15000, TotalInclTaxCents = 15000,
        };
        db.Invoices.Add(invoice);
        var product = new Product { SiteId = siteId, Kind = ProductKind.Subscription, Name = "Abonnement mensuel", PriceCents = 15000 };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        db.Entitlements.Add(new Entitlement
        {
            NetworkId = site.NetworkId, SiteId = siteId, ProductId = product.Id, UserId = userId, Kind = ProductKind.Subscription, Name = "Abonnement mensuel",
            StartsOn = new(2026, 11, 20), ExpiresOn = new(2026, 12, 19), InvoiceId = invoice.Id, CreatedAtUtc = new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc),
        });
        await db.SaveChangesAsync();
        return 0;
    });
}
