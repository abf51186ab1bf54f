using Cotravail.Web.Data;
using Cotravail.Web.Features.Billing.Products;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Entitlements;

/// <summary>
/// Decides what a desk booking costs, inside the booking's transaction: the free discovery day when asked for, else a
/// subscription's day, else a carnet's day (soonest to expire first), else the site's price (reduced for a validated
/// category). A day is taken with one conditional update (<c>Used = Used + 1 WHERE Used &lt; Days AND dates</c>): of
/// two bookings at once on the last day, one gets it and the other is charged. A cancellation in time gives it back.
/// </summary>
public sealed class BookingCover(AppDbContext db, TimeProvider clock) : IBookingCover
{
    public async Task<Cover> TakeAsync(string userId, BookingPlan plan, bool discovery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var desk = plan.Kind == ResourceKind.DeskPool;
        if (discovery)
        {
            if (!desk)
            {
                return new Cover(plan.PriceCents, null, false, Cover.DiscoveryOnlyForDesks);
            }
            var key = await DiscoveryKeyAsync(userId, ct);
            return await DiscoveryUsedAsync(userId, key, ct)
                ? new Cover(plan.PriceCents, null, false, Cover.DiscoveryAlreadyUsed)
                : new Cover(0, null, true) { DiscoveryKey = key };
        }
        var productKind = PassFor(plan);
        var needsCategories = productKind is not null && plan.PriceCents > 0;
        if (!desk && !needsCategories)
        {
            return new Cover(plan.PriceCents, null, false);
        }
        // One query for what may pay: the usable days (desks only) and the member's validated categories.
        var (days, categories) = await CoverOptionsAsync(userId, plan, desk, ct);
        if (await TakeDayAsync(days, plan.Date, ct) is { } entitlementId)
        {
            return new Cover(0, entitlementId, false);
        }
        return new Cover(needsCategories ? await ChargedPriceAsync(categories, productKind!.Value, plan, ct) : plan.PriceCents, null, false);
    }

    /// <summary>
    /// The SQL twin of <see cref="CoverOptionsQuery"/> for a desk booking, for PostgreSQL's one-batch booking (ADR 0023,
    /// 0024): true when the member has no usable day and no validated category in the network, so the desk is charged
    /// the plan's price with nothing to take. The parameters are named by the caller's statement. Whatever this says
    /// true for must also have no option in <see cref="CoverOptionsQuery"/>: change both together
    /// (<c>PlainDeskBookingTests</c> compares them).
    /// </summary>
    public static string NothingToTakeSql(string user, string network, string date) => $"""
        NOT EXISTS (SELECT 1 FROM "Entitlements" AS e WHERE e."UserId" = {user} AND e."NetworkId" = {network}
            AND e."StartsOn" <= {date} AND e."ExpiresOn" >= {date} AND (e."Days" IS NULL OR e."Used" < e."Days"))
        AND NOT EXISTS (SELECT 1 FROM "MemberCategoryGrants" AS g WHERE g."UserId" = {user} AND g."NetworkId" = {network})
        """;

    /// <summary>Whether a desk booking has something to take (a usable day, a validated category): the EF side of <see cref="NothingToTakeSql"/>.</summary>
    string IBookingCover.PostgresNothingToTake(string user, string network, string date) => NothingToTakeSql(user, network, date);

    public async Task<bool> HasCoverOptionsAsync(string userId, int networkId, DateOnly date, CancellationToken ct)
    {
        await foreach (var _ in CoverOptionsQuery.For(db)(db, userId, networkId, date, true).WithCancellation(ct))
        {
            return true;
        }
        return false;
    }

    /// <summary>
    /// Records how the saved booking was covered. False when the discovery day went to another booking of the same
    /// person at the same moment (the account's row or the address's key is already there): the caller then undoes the booking.
    /// </summary>
    public async Task<bool> RecordAsync(Booking.Booking booking, Cover cover, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(cover);
        if (!cover.IsCovered)
        {
            return true;
        }
        if (cover.IsDiscovery)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var rows = await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO \"DiscoveryDays\" (\"UserId\", \"BookingId\", \"TakenAtUtc\", \"EmailKey\") VALUES ({booking.UserId}, {booking.Id}, {now}, {cover.DiscoveryKey}) ON CONFLICT DO NOTHING", ct);
            if (rows != 1)
            {
                return false;
            }
        }
        db.CoveredBookings.Add(new CoveredBooking { BookingId = booking.Id, EntitlementId = cover.EntitlementId, IsDiscovery = cover.IsDiscovery });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// After a cancellation (inside its transaction): a day or the discovery day comes back when the cancellation is
    /// in time, or late at a site that does not charge late cancellations. Claimed once by a conditional update.
    /// </summary>
    public async Task GiveBackAfterCancellationAsync(Booking.Booking booking, bool late, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(booking);
        if (late && await db.Sites.Where(s => s.Id == booking.SiteId).Select(s => s.ChargeLateCancellations).FirstAsync(ct))
        {
            return; // the day counts as used, as a late cancellation would be charged
        }
        await GiveBackAsync(booking.Id, ct);
    }

    /// <summary>After a no-show: the day comes back only at a site that does not charge no-shows.</summary>
    public async Task GiveBackAfterNoShowAsync(Booking.Booking booking, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(booking);
        if (!await db.Sites.Where(s => s.Id == booking.SiteId).Select(s => s.ChargeNoShows).FirstAsync(ct))
        {
            await GiveBackAsync(booking.Id, ct);
        }
    }

    /// <summary>Gives back the day (or the discovery day) a booking used; nothing when it used none or already gave it back.</summary>
    public async Task GiveBackAsync(int bookingId, CancellationToken ct)
    {
        var covered = await db.CoveredBookings.AsNoTracking().FirstOrDefaultAsync(c => c.BookingId == bookingId && c.ReturnedAtUtc == null, ct);
        if (covered is null)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.CoveredBookings.Where(c => c.BookingId == bookingId && c.ReturnedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReturnedAtUtc, now), ct);
        if (claimed == 0)
        {
            return;
        }
        if (covered.EntitlementId is { } id)
        {
            await db.Entitlements.Where(e => e.Id == id && e.Used > 0).ExecuteUpdateAsync(s => s.SetProperty(e => e.Used, e => e.Used - 1), ct);
        }
        if (covered.IsDiscovery)
        {
            await db.DiscoveryDays.Where(d => d.BookingId == bookingId).ExecuteDeleteAsync(ct);
        }
    }

    /// <summary>What a booking would use, for the confirmation screen (nothing is taken): an entitlement's name, or null.</summary>
    public async Task<string?> PreviewAsync(string userId, int networkId, ResourceKind kind, DateOnly date, CancellationToken ct) =>
        kind != ResourceKind.DeskPool ? null : await Usable(userId, networkId, date).Select(e => e.Name).FirstOrDefaultAsync(ct);

    /// <summary>Whether the person took their discovery day: with this account, or with another address that is theirs (<see cref="Entitlements.DiscoveryKey"/>).</summary>
    public async Task<bool> HasUsedDiscoveryAsync(string userId, CancellationToken ct) =>
        await DiscoveryUsedAsync(userId, await DiscoveryKeyAsync(userId, ct), ct);

    private async Task<string?> DiscoveryKeyAsync(string userId, CancellationToken ct) =>
        Entitlements.DiscoveryKey.Of(await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct));

    /// <summary>One query on two indexes: the account's row (primary key) or the address's key (unique index).</summary>
    private Task<bool> DiscoveryUsedAsync(string userId, string? key, CancellationToken ct) =>
        key is null
            ? db.DiscoveryDays.AnyAsync(d => d.UserId == userId, ct)
            : db.DiscoveryDays.AnyAsync(d => d.UserId == userId || d.EmailKey == key, ct);

    private async Task<int?> TakeDayAsync(IReadOnlyList<int> candidates, DateOnly date, CancellationToken ct)
    {
        foreach (var id in candidates)
        {
            // The guard is in the database: a day that another booking has just taken is not taken twice.
            var taken = await db.Entitlements
                .Where(e => e.Id == id && (e.Days == null || e.Used < e.Days) && e.StartsOn <= date && e.ExpiresOn >= date)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Used, e => e.Used + 1), ct);
            if (taken == 1)
            {
                return id;
            }
        }
        return null;
    }

    /// <summary>
    /// In one round trip: the entitlements usable for the booking, in the order they are used (none unless
    /// <paramref name="desk"/>), and the member's validated categories in the booking's network.
    /// </summary>
    private async Task<(List<int> Days, List<MemberCategory> Categories)> CoverOptionsAsync(string userId, BookingPlan plan, bool desk, CancellationToken ct)
    {
        var rows = new List<CoverOption>();
        await foreach (var row in CoverOptionsQuery.For(db)(db, userId, plan.NetworkId, plan.Date, desk).WithCancellation(ct))
        {
            rows.Add(row);
        }
        return (
            [.. rows.Where(r => !r.IsCategory).OrderBy(r => r.Rank).ThenBy(r => r.ExpiresOn).ThenBy(r => r.Value).Select(r => r.Value)],
            [.. rows.Where(r => r.IsCategory).Select(r => (MemberCategory)r.Value)]);
    }

    private sealed class CoverOption
    {
        public bool IsCategory { get; init; }
        public int Value { get; init; }
        public int Rank { get; init; }
        public DateOnly ExpiresOn { get; init; }
    }

    // Compiled once: a booking does not pay for translating the query again.
    private static readonly CompiledPerProvider<Func<AppDbContext, string, int, DateOnly, bool, IAsyncEnumerable<CoverOption>>> CoverOptionsQuery =
        new(() => EF.CompileAsyncQuery((AppDbContext db, string userId, int networkId, DateOnly date, bool desk) =>
            db.Entitlements
                .Where(e => desk && e.UserId == userId && e.NetworkId == networkId && e.StartsOn <= date && e.ExpiresOn >= date && (e.Days == null || e.Used < e.Days))
                .Select(e => new CoverOption { IsCategory = false, Value = e.Id, Rank = e.Kind == ProductKind.Subscription ? 0 : 1, ExpiresOn = e.ExpiresOn })
                .Concat(db.MemberCategoryGrants.Where(g => g.UserId == userId && g.NetworkId == networkId)
                    .Select(g => new CoverOption { IsCategory = true, Value = (int)g.Category, Rank = 0, ExpiresOn = DateOnly.MinValue }))));

    private static ProductKind? PassFor(BookingPlan plan) => plan.Kind switch
    {
        ResourceKind.DeskPool => plan.Period == Period.Day ? ProductKind.DayPass : ProductKind.HalfDayPass,
        ResourceKind.MeetingRoom => ProductKind.MeetingRoomHour,
        _ => null,
    };

    /// <summary>Entitlements usable on a day, in the order they are used: subscriptions, then carnets, soonest expiry first.</summary>
    private IQueryable<Entitlement> Usable(string userId, int networkId, DateOnly date) =>
        db.Entitlements
            .Where(e => e.UserId == userId && e.NetworkId == networkId && e.StartsOn <= date && e.ExpiresOn >= date && (e.Days == null || e.Used < e.Days))
            .OrderBy(e => e.Kind == ProductKind.Subscription ? 0 : 1).ThenBy(e => e.ExpiresOn).ThenBy(e => e.Id);

    /// <summary>The site's price, or the reduced price of the matching product when the member holds a validated category.</summary>
    private async Task<int> ChargedPriceAsync(List<MemberCategory> categories, ProductKind productKind, BookingPlan plan, CancellationToken ct)
    {
        if (categories.Count == 0)
        {
            return plan.PriceCents;
        }
        var product = await db.Products.AsNoTracking().Where(p => p.SiteId == plan.SiteId && p.Kind == productKind && !p.IsArchived)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Id).FirstOrDefaultAsync(ct);
        if (product is null)
        {
            return plan.PriceCents;
        }
        var unit = product.PriceFor(categories);
        var price = productKind == ProductKind.MeetingRoomHour ? ProductPrices.Hourly(unit, plan.EndUtc - plan.StartUtc) : unit;
        return Math.Min(price, plan.PriceCents);
    }
}
