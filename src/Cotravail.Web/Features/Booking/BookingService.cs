using Cotravail.Web.Data;
using Cotravail.Web.Common.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Booking;

/// <summary>The outcome of taking places for a plan.</summary>
public enum PlaceOutcome
{
    Booked,
    /// <summary>No place left (desk pool full, office or slot taken).</summary>
    Full,
    /// <summary>The member already holds an overlapping booking of that resource.</summary>
    AlreadyBooked,
    /// <summary>The free discovery day was asked for but cannot be given (already used, or not a desk).</summary>
    DiscoveryRefused,
}

/// <summary>
/// Takes and gives back places in the database. Capacity is guarded by the database itself: a conditional
/// increment of the day's counter for desks, a unique row per 30-minute slot for rooms, a unique row per member
/// and half-day against double bookings. What the booking costs (a carnet or subscription day, the discovery day, or
/// the price) is settled in the same transaction by <see cref="IBookingCover"/>. Must run inside a transaction owned by the caller.
/// </summary>
public sealed class BookingService(
    AppDbContext db, IBookingCover cover, Sites.NetworkMembership membership, TimeProvider clock, IAuditLog audit, BookingIds ids, Common.Happenings.IHappenings happenings)
{
    /// <summary>
    /// On PostgreSQL, a desk booking with nothing to take but its place (no discovery day, no day of a carnet or
    /// subscription, no reduced price) is written with its confirmation (<paramref name="confirmation"/>, the mail of
    /// the booking) in one round trip, outside any transaction (ADR 0023, 0024). Null when the booking must go the general
    /// way, <see cref="PlaceAsync"/> in a transaction.
    /// </summary>
    public async Task<(PlaceOutcome Outcome, Booking? Booking)?> PlaceAtOnceAsync(
        string userId, BookingPlan plan, bool discovery, Func<Booking, Common.Mail.OutgoingMail> confirmation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(confirmation);
        // Only a booking by half-days (a desk pool, a private office) asked without the discovery day; for a desk pool
        // the batch itself says whether the member has a day or a category to use, and then writes nothing: the booking
        // goes the general way. An office is never covered: its price is the plan's.
        if (!db.Database.IsNpgsql() || plan.Halves.Count == 0 || plan.Capacity < 1 || discovery)
        {
            return null;
        }
        var booking = NewBooking(userId, plan, plan.PriceCents, null);
        booking.Id = await ids.NextAsync(db, ct);
        var mail = confirmation(booking);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = await PostgresBookingInsert.BookDeskAsync(db, booking, plan.Halves, plan.Capacity, plan.NetworkId,
                    coverable: plan.Kind == Sites.ResourceKind.DeskPool, cover, happenings.PostgresCommand(Made(booking),
                        "EXISTS (SELECT 1 FROM \"Bookings\" WHERE \"Id\" = $1)", new Npgsql.NpgsqlParameter<int> { TypedValue = booking.Id }),
                    (onlyIf, parameter) => Common.Mail.MailOutbox.PostgresAccountMail(userId, mail, booking.CreatedAtUtc, onlyIf, parameter));
                return outcome switch
                {
                    PostgresBookingInsert.DeskOutcome.Booked => (PlaceOutcome.Booked, booking),
                    PostgresBookingInsert.DeskOutcome.HasCover => null,
                    _ => (await HoldsAsync(userId, plan, ct) ? PlaceOutcome.AlreadyBooked : PlaceOutcome.Full, null),
                };
            }
            catch (Exception e) when (DbErrors.IsUniqueViolation(e) && DbErrors.ViolatedTable(e) == "Bookings" && attempt < 3)
            {
                // The id was already used: the sequence was set back under this instance's block (a restore, a copy).
                ids.Forget();
                booking.Id = await ids.NextAsync(db, ct);
                mail = confirmation(booking);
            }
            catch (Exception e) when (DbErrors.IsUniqueViolation(e))
            {
                return (DbErrors.ViolatedTable(e) == "BookedHalves" ? PlaceOutcome.AlreadyBooked : PlaceOutcome.Full, null);
            }
            catch (Exception e) when (DbErrors.IsTransient(e) && attempt < 3)
            {
            }
        }
    }

    public async Task<(PlaceOutcome Outcome, Booking? Booking)> PlaceAsync(
        string userId, BookingPlan plan, int? seriesId, CancellationToken ct, bool discovery = false)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Halves.Count > 0)
        {
            // A second booking of the same half-day by the same member is refused by the guard rows' key at insert
            // (BookedHalves), which the caller turns into AlreadyBooked: no query for it on the way to a booking.
            if (!await TakeDeskAsync(plan.ResourceId, plan.Date, plan.Halves, plan.Capacity, ct))
            {
                return (await HoldsAsync(userId, plan, ct) ? PlaceOutcome.AlreadyBooked : PlaceOutcome.Full, null);
            }
        }
        else if (await db.BookedSlots.AnyAsync(s => s.ResourceId == plan.ResourceId && plan.Slots.Contains(s.StartUtc), ct))
        {
            return (PlaceOutcome.Full, null);
        }

        var paid = await cover.TakeAsync(userId, plan, discovery, ct);
        if (paid.Refusal is not null)
        {
            return (PlaceOutcome.DiscoveryRefused, null);
        }
        var booking = NewBooking(userId, plan, paid.PriceCents, seriesId);
        // A unique key taken here by a concurrent request surfaces as a unique violation: the caller rolls back.
        if (db.Database.IsNpgsql())
        {
            await PostgresBookingInsert.InsertAsync(db, booking, plan.Halves, plan.Slots, ct);
        }
        else
        {
            db.Bookings.Add(booking);
            await db.SaveChangesAsync(ct);
            foreach (var half in plan.Halves)
            {
                db.BookedHalves.Add(new BookedHalf { ResourceId = plan.ResourceId, Date = plan.Date, Half = half, UserId = userId, BookingId = booking.Id });
            }
            foreach (var slot in plan.Slots)
            {
                db.BookedSlots.Add(new BookedSlot { ResourceId = plan.ResourceId, StartUtc = slot, BookingId = booking.Id });
            }
            await db.SaveChangesAsync(ct);
        }
        // The member belongs to the site's network from now on (ADR 0025); the one-batch booking writes it itself.
        await membership.RecordAsync(userId, plan.NetworkId, ct);
        if (!await cover.RecordAsync(booking, paid, ct))
        {
            return (PlaceOutcome.DiscoveryRefused, null);
        }
        await happenings.RecordAsync(Made(booking), ct);
        return (PlaceOutcome.Booked, booking);
    }

    private static Common.Happenings.BookingMade Made(Booking b) =>
        new(b.Id, b.SiteId, b.ResourceId, b.UserId, b.Date, b.StartUtc, b.EndUtc, b.PriceCents, b.SeriesId);

    private Booking NewBooking(string userId, BookingPlan plan, int priceCents, int? seriesId) => new()
    {
        SiteId = plan.SiteId, ResourceId = plan.ResourceId, UserId = userId, Date = plan.Date, Period = plan.Period,
        LocalStart = plan.LocalStart, LocalEnd = plan.LocalEnd, StartUtc = plan.StartUtc, EndUtc = plan.EndUtc,
        Status = BookingStatus.Confirmed, PriceCents = priceCents, SeriesId = seriesId,
        CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
    };

    /// <summary>Whether the member already holds one of the plan's half-days of that resource (« déjà réservé » rather than « complet »).</summary>
    private Task<bool> HoldsAsync(string userId, BookingPlan plan, CancellationToken ct) =>
        db.BookedHalves.AnyAsync(h => h.ResourceId == plan.ResourceId && h.Date == plan.Date && h.UserId == userId && plan.Halves.Contains(h.Half), ct);

    /// <summary>
    /// Marks the booking cancelled (late or not) and frees its places — only if it was still confirmed: the
    /// conditional status change is the claim, so two cancellations at once never free a place twice.
    /// </summary>
    public Task<bool> CancelAsync(Booking booking, bool late, DateTime nowUtc, CancellationToken ct) =>
        ReleaseAsync(booking, late ? BookingStatus.LateCancelled : BookingStatus.Cancelled, nowUtc, ct);

    /// <summary>
    /// Ends a confirmed booking with <paramref name="status"/> (cancelled, late, no-show) and frees its places, under the
    /// same claim as a cancellation: of two releases at once, only one frees the places.
    /// </summary>
    public async Task<bool> ReleaseAsync(Booking booking, BookingStatus status, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var claimed = await db.Bookings.Where(b => b.Id == booking.Id && b.Status == BookingStatus.Confirmed)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, status).SetProperty(b => b.CancelledAtUtc, nowUtc), ct);
        if (claimed == 0)
        {
            return false;
        }
        // Someone else's booking (a host's cancellation, a no-show) goes to the audit log, in this transaction.
        await audit.RecordUpdateAsync(typeof(Booking), booking.Id, AuditScope.OfSite(booking.SiteId), booking.UserId,
            new Dictionary<string, (object?, object?)> { ["Status"] = (BookingStatus.Confirmed, status) }, ct);
        if (booking.Period is { } period)
        {
            var halves = period.Halves();
            var morning = halves.Contains(HalfDay.Morning) ? 1 : 0;
            var afternoon = halves.Contains(HalfDay.Afternoon) ? 1 : 0;
            await db.DeskDays.Where(d => d.ResourceId == booking.ResourceId && d.Date == booking.Date)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.Morning, d => d.Morning - morning)
                    .SetProperty(d => d.Afternoon, d => d.Afternoon - afternoon), ct);
            await db.BookedHalves.Where(h => h.BookingId == booking.Id).ExecuteDeleteAsync(ct);
        }
        else
        {
            await db.BookedSlots.Where(s => s.BookingId == booking.Id).ExecuteDeleteAsync(ct);
        }
        if (status != BookingStatus.NoShow)
        {
            await happenings.RecordAsync(new Common.Happenings.BookingCancelled(booking.Id, booking.SiteId, booking.ResourceId, booking.UserId,
                booking.StartUtc, booking.EndUtc, status == BookingStatus.LateCancelled, nowUtc), ct);
        }
        // What the booking used (a carnet or subscription day, the discovery day) comes back as the site's rules say.
        if (status == BookingStatus.NoShow)
        {
            await cover.GiveBackAfterNoShowAsync(booking, ct);
        }
        else
        {
            await cover.GiveBackAfterCancellationAsync(booking, late: status == BookingStatus.LateCancelled, ct);
        }
        return true;
    }

    /// <summary>
    /// Takes a desk of a pool for someone who came without booking (reception's walk-in): the same guarded
    /// counter as a booking, so a walk-in never takes a booked place. False when the pool is full for that period.
    /// </summary>
    public Task<bool> TakeWalkInDeskAsync(int resourceId, DateOnly date, Period period, int capacity, CancellationToken ct) =>
        TakeDeskAsync(resourceId, date, period.Halves(), capacity, ct);

    /// <summary>
    /// One statement takes the desk: the day's counter row is created with this booking's half-days, or incremented
    /// only while every half-day it takes has a place left (a half-day it does not take is not looked at, even above a
    /// lowered capacity). No row changed means the pool is full.
    /// </summary>
    private async Task<bool> TakeDeskAsync(int resourceId, DateOnly date, IReadOnlyList<HalfDay> halves, int capacity, CancellationToken ct)
    {
        var morning = halves.Contains(HalfDay.Morning) ? 1 : 0;
        var afternoon = halves.Contains(HalfDay.Afternoon) ? 1 : 0;
        if (capacity < 1)
        {
            return false;
        }
        var rows = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "DeskDays" AS d ("ResourceId", "Date", "Morning", "Afternoon") VALUES ({resourceId}, {date}, {morning}, {afternoon})
            ON CONFLICT ("ResourceId", "Date") DO UPDATE SET "Morning" = d."Morning" + {morning}, "Afternoon" = d."Afternoon" + {afternoon}
            WHERE ({morning} = 0 OR d."Morning" < {capacity}) AND ({afternoon} = 0 OR d."Afternoon" < {capacity})
            """, ct);
        return rows == 1;
    }
}
