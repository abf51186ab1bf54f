using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Products;

/// <summary>
/// Products are where managers set prices; bookings keep reading the site's tariff fields (ADR 0010). The first active
/// day pass, half-day pass and room hour of a site are copied into <see cref="Site.DayPriceCents"/>,
/// <see cref="Site.HalfDayPriceCents"/> and <see cref="Site.RoomHourPriceCents"/>; the site form's day price is copied
/// back into the day pass.
/// </summary>
public static class ProductPrices
{
    /// <summary>An hourly price for a whole number of half hours, half an hour costing half, rounded up (as the booking tariff).</summary>
    public static int Hourly(int hourCents, TimeSpan duration)
    {
        var halfHours = (int)(duration.Ticks / TimeSpan.FromMinutes(30).Ticks);
        return ((hourCents * halfHours) + 1) / 2;
    }

    /// <summary>Copies the site's active pay-per-use products into its tariff fields (the caller saves).</summary>
    public static async Task SyncSiteAsync(AppDbContext db, Site site, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(site);
        var active = await db.Products.AsNoTracking()
            .Where(p => p.SiteId == site.Id && !p.IsArchived && (p.Kind == ProductKind.DayPass || p.Kind == ProductKind.HalfDayPass || p.Kind == ProductKind.MeetingRoomHour))
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync(ct);
        if (active.FirstOrDefault(p => p.Kind == ProductKind.DayPass) is { } day)
        {
            site.DayPriceCents = day.PriceCents;
        }
        if (active.FirstOrDefault(p => p.Kind == ProductKind.HalfDayPass) is { } half)
        {
            site.HalfDayPriceCents = half.PriceCents;
        }
        if (active.FirstOrDefault(p => p.Kind == ProductKind.MeetingRoomHour) is { } room)
        {
            site.RoomHourPriceCents = room.PriceCents;
        }
    }

    /// <summary>After the site form changed the day price: the site's active day pass follows.</summary>
    public static async Task DayPassFollowsSiteAsync(AppDbContext db, Site site, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(site);
        var first = await db.Products.Where(p => p.SiteId == site.Id && !p.IsArchived && p.Kind == ProductKind.DayPass)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Id).FirstOrDefaultAsync(ct);
        if (first is not null && first.PriceCents != site.DayPriceCents)
        {
            first.PriceCents = site.DayPriceCents;
            if (first.JobSeekerPriceCents > first.PriceCents)
            {
                first.JobSeekerPriceCents = first.PriceCents;
            }
            if (first.StudentPriceCents > first.PriceCents)
            {
                first.StudentPriceCents = first.PriceCents;
            }
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>The categories validated for a member in a network.</summary>
    public static async Task<IReadOnlyList<MemberCategory>> CategoriesAsync(AppDbContext db, string userId, int networkId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.MemberCategoryGrants.Where(g => g.UserId == userId && g.NetworkId == networkId).Select(g => g.Category).ToListAsync(ct);
    }

    /// <summary>The demo defaults of a site: 15 € day, 8 € half-day, 10 € room hour, carnet of 10 days 130 € for 6 months, 150 € unlimited month.</summary>
    public static IReadOnlyList<Product> Defaults(int siteId) =>
    [
        new() { SiteId = siteId, Kind = ProductKind.DayPass, Name = "Pass journée", PriceCents = 1500, JobSeekerPriceCents = 1000, StudentPriceCents = 1000, SortOrder = 0 },
        new() { SiteId = siteId, Kind = ProductKind.HalfDayPass, Name = "Pass demi-journée", PriceCents = 800, JobSeekerPriceCents = 500, StudentPriceCents = 500, SortOrder = 1 },
        new() { SiteId = siteId, Kind = ProductKind.MeetingRoomHour, Name = "Heure de salle de réunion", PriceCents = 1000, SortOrder = 2 },
        new() { SiteId = siteId, Kind = ProductKind.Carnet, Name = "Carnet de 10 journées", PriceCents = 13000, JobSeekerPriceCents = 9000, StudentPriceCents = 9000, Days = 10, ValidityMonths = 6, SortOrder = 3 },
        new() { SiteId = siteId, Kind = ProductKind.Subscription, Name = "Abonnement mensuel illimité", PriceCents = 15000, JobSeekerPriceCents = 10000, StudentPriceCents = 10000, SortOrder = 4 },
    ];

    /// <summary>Seeds the demo defaults in every site of the network that has no product yet (safe at every start).</summary>
    public static async Task SeedDemoAsync(AppDbContext db, int networkId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var bare = await db.Sites.Where(s => s.NetworkId == networkId && !db.Products.Any(p => p.SiteId == s.Id)).ToListAsync(ct);
        foreach (var site in bare)
        {
            db.Products.AddRange(Defaults(site.Id));
        }
        await db.SaveChangesAsync(ct);
        foreach (var site in bare)
        {
            await SyncSiteAsync(db, site, ct);
        }
        await db.SaveChangesAsync(ct);
    }
}
