using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Cotravail.Web.Features.Sites.Impact;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Booking.Impact;

/// <summary>
/// What a change of a site does to bookings (single ones and dates of series) that have not started: a closure takes
/// those of its days, new hours those that no longer fit their day (a half-day that no longer exists included), an
/// archived resource or site all of theirs, a lowered capacity on each day those beyond it, made last. Cancelling goes
/// through <see cref="BookingService.CancelAsync"/>, as a member's own cancellation in time: places, carnet or
/// subscription day and discovery day given back, never charged as late.
/// </summary>
public sealed class BookingSiteChangeImpact(AppDbContext db, BookingService places, TimeProvider clock) : ISiteChangeImpact
{
    public async Task<IReadOnlyList<AffectedItem>> FindAsync(SiteChange change, CancellationToken ct)
    {
        var (site, bookings) = await AffectedAsync(change, ct);
        return [.. bookings.Select(b => ToItem(b, site, change))];
    }

    public async Task<IReadOnlyList<AffectedItem>> CancelAsync(SiteChange change, CancellationToken ct)
    {
        var (site, bookings) = await AffectedAsync(change, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var cancelled = new List<AffectedItem>();
        foreach (var booking in bookings)
        {
            // The claim on the status: a booking the member cancelled a moment ago is not cancelled (nor mailed) twice.
            if (await places.CancelAsync(booking, late: false, now, ct))
            {
                cancelled.Add(ToItem(booking, site, change));
            }
        }
        return cancelled;
    }

    private async Task<(Site? Site, IReadOnlyList<Booking> Bookings)> AffectedAsync(SiteChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == change.SiteId, ct);
        if (site is null)
        {
            return (null, []);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Bookings.AsNoTracking().Include(b => b.Resource).Include(b => b.User)
            .Where(b => b.SiteId == change.SiteId && b.Status == BookingStatus.Confirmed && b.StartUtc > now);
        query = change switch
        {
            ClosureChange c => query.Where(b => b.Date >= c.Start && b.Date <= c.End),
            ResourceArchivedChange r => query.Where(b => b.ResourceId == r.ResourceId),
            CapacityChange r => query.Where(b => b.ResourceId == r.ResourceId && b.Period != null),
            HoursChange or SiteArchivedChange => query,
            _ => query.Where(b => false),
        };
        var bookings = await query.OrderBy(b => b.StartUtc).ThenBy(b => b.Id).ToListAsync(ct);
        return (site, change switch
        {
            HoursChange h => [.. bookings.Where(b => !FitsNewHours(site, h, b))],
            CapacityChange c => BeyondCapacity(bookings, c.NewCapacity),
            _ => bookings,
        });
    }

    /// <summary>
    /// A booking by the hour fits when the day's new ranges hold it; a desk or office booking when the day still has
    /// each half-day it takes (with the day's hours, <see cref="HalfDays"/>).
    /// </summary>
    public static bool FitsNewHours(Site site, HoursChange change, Booking booking)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(booking);
        if (booking.Period is not { } period)
        {
            return change.Fits(booking.Date, booking.LocalStart, booking.LocalEnd);
        }
        var hours = change.Hours.FirstOrDefault(h => h.Day == booking.Date.DayOfWeek);
        if (hours is null)
        {
            return false;
        }
        return period.Halves().All(half => half == HalfDay.Morning
            ? HalfDays.Morning(site, hours) is var (s, e) && s < e
            : HalfDays.Afternoon(site, hours) is var (s2, e2) && s2 < e2);
    }

    /// <summary>
    /// On each day, the bookings kept are the first made while each half-day they take has a place left under
    /// <paramref name="capacity"/>; the others (made last) are the ones the lower capacity cancels.
    /// </summary>
    public static IReadOnlyList<Booking> BeyondCapacity(IEnumerable<Booking> bookings, int capacity)
    {
        ArgumentNullException.ThrowIfNull(bookings);
        var beyond = new List<Booking>();
        foreach (var day in bookings.Where(b => b.Period is not null).GroupBy(b => (b.ResourceId, b.Date)))
        {
            var morning = 0;
            var afternoon = 0;
            foreach (var b in day.OrderBy(b => b.CreatedAtUtc).ThenBy(b => b.Id))
            {
                var halves = b.Period!.Value.Halves();
                var m = halves.Contains(HalfDay.Morning) ? 1 : 0;
                var a = halves.Contains(HalfDay.Afternoon) ? 1 : 0;
                if (morning + m > capacity || afternoon + a > capacity)
                {
                    beyond.Add(b);
                    continue;
                }
                morning += m;
                afternoon += a;
            }
        }
        return [.. beyond.OrderBy(b => b.StartUtc).ThenBy(b => b.Id)];
    }

    private static AffectedItem ToItem(Booking b, Site? site, SiteChange change) => new(
        b.SeriesId is null ? "Réservation" : "Réservation régulière",
        $"booking:{b.Id}",
        b.Resource?.Name ?? "",
        b.User?.DisplayName ?? "",
        b.User?.Email,
        b.StartUtc,
        b.EndUtc,
        change is SiteArchivedChange || site is null ? "/reserver" : $"/espaces/{site.Slug}/disponibilites");
}
