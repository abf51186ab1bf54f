using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Booking.Series;

/// <summary>One date of a series: bookable or not, and why.</summary>
public sealed record Occurrence(DateOnly Date, BookingPlan? Plan, string? Problem)
{
    public bool Available => Plan is not null && Problem is null;
}

/// <summary>A series request: the pattern, and the period (desks) or the local times (rooms) of each occurrence.</summary>
public sealed record SeriesRequest(int ResourceId, SeriesPattern Pattern, Period? Period, TimeOnly? Start, TimeOnly? End)
{
    public BookingRequest For(DateOnly date) => Period is { } p
        ? new BookingRequest(ResourceId, date, p, null, null)
        : new BookingRequest(ResourceId, null, null, Start is { } s ? date.ToDateTime(s) : null, End is { } e ? date.ToDateTime(e) : null);
}

public sealed record SeriesResult(int? SeriesId, IReadOnlyList<Booking> Booked, IReadOnlyList<Occurrence> NotBooked);

/// <summary>
/// Recurring bookings: a preview that says, for each date, whether it is available; a confirmation that books the
/// available ones in one transaction (each in its own savepoint) and says which could not be; cancelling a series.
/// </summary>
public sealed class SeriesCommands(
    AppDbContext db, BookingService places, BookingCommands commands, TimeProvider clock, IOutputCacheStore cache, Common.Observability.CotravailMetrics metrics)
{
    public async Task<(Resource? Resource, IReadOnlyList<Occurrence> Occurrences)> PreviewAsync(string userId, SeriesRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var resource = await commands.LoadResourceAsync(request.ResourceId, ct);
        if (resource is null)
        {
            return (null, []);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var list = new List<Occurrence>();
        foreach (var date in request.Pattern.Dates())
        {
            var rules = BookingRules.Check(resource.Site!, resource, request.For(date), now);
            if (!rules.IsValid)
            {
                list.Add(new Occurrence(date, null, rules.Errors.Values.First()[0]));
                continue;
            }
            list.Add(new Occurrence(date, rules.Plan, await TakenAsync(userId, rules.Plan!, ct)));
        }
        return (resource, list);
    }

    public async Task<SeriesResult?> BookAsync(string userId, SeriesRequest request, string description, string host, CancellationToken ct)
    {
        var (resource, occurrences) = await PreviewAsync(userId, request, ct);
        if (resource is null)
        {
            return null;
        }
        var booked = new List<Booking>();
        var notBooked = occurrences.Where(o => !o.Available).ToList();
        using (await WriteGate.EnterAsync(db, ct))
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var series = new BookingSeries { UserId = userId, ResourceId = resource.Id, Description = description, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
            db.BookingSeries.Add(series);
            await db.SaveChangesAsync(ct);
            foreach (var (o, i) in occurrences.Where(o => o.Available).Select((o, i) => (o, i)))
            {
                var savepoint = $"occurrence{i}";
                await tx.CreateSavepointAsync(savepoint, ct);
                try
                {
                    var (outcome, booking) = await places.PlaceAsync(userId, o.Plan!, series.Id, ct);
                    metrics.Booking(outcome, resource.Kind, resource.Site!.Slug);
                    if (outcome == PlaceOutcome.Booked)
                    {
                        booked.Add(booking!);
                        continue;
                    }
                    notBooked.Add(o with { Problem = outcome == PlaceOutcome.Full ? "Complet." : "Vous avez déjà une réservation sur ce créneau." });
                }
                catch (Exception e) when (DbErrors.IsUniqueViolation(e)) // from SaveChanges, or from the one statement on PostgreSQL
                {
                    await tx.RollbackToSavepointAsync(savepoint, ct);
                    // Nothing of the undone occurrence may stay tracked: on SQLite its booking's id comes round again.
                    db.ChangeTracker.Clear();
                    notBooked.Add(o with { Problem = DbErrors.ViolatedTable(e) == "BookedHalves" ? "Vous avez déjà une réservation sur ce créneau." : "Complet." });
                }
            }
            if (booked.Count == 0)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return new SeriesResult(null, [], [.. notBooked.OrderBy(o => o.Date)]);
            }
            await tx.CommitAsync(ct);
            foreach (var b in booked)
            {
                commands.ShowWith(b, resource);
            }
            await commands.SafelyAsync(() => AvailabilityCache.ChangedAsync(cache, CancellationToken.None), booked[0].Id);
            await commands.SendConfirmationAsync(userId, [.. booked.Select(b => b.Id)], host, CancellationToken.None);
            return new SeriesResult(series.Id, booked, [.. notBooked.OrderBy(o => o.Date)]);
        }
    }

    /// <summary>Cancels every occurrence of the series that has not started; returns how many (and how many late).</summary>
    public async Task<(int Cancelled, int Late)?> CancelAsync(int seriesId, string userId, CancellationToken ct)
    {
        if (!await db.BookingSeries.AnyAsync(s => s.Id == seriesId && s.UserId == userId, ct))
        {
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await db.Bookings.Where(b => b.SeriesId == seriesId && b.Status == BookingStatus.Confirmed && b.StartUtc > now)
            .Select(b => b.Id).ToListAsync(ct);
        var (cancelled, late) = (0, 0);
        foreach (var id in ids)
        {
            var (outcome, _) = await commands.CancelAsync(id, userId, asStaff: false, ct);
            cancelled += outcome is CancelOutcome.Cancelled or CancelOutcome.LateCancelled ? 1 : 0;
            late += outcome == CancelOutcome.LateCancelled ? 1 : 0;
        }
        return (cancelled, late);
    }

    /// <summary>Why the plan's place is not free now, or null (a read; the booking itself is guarded by the database).</summary>
    private async Task<string?> TakenAsync(string userId, BookingPlan plan, CancellationToken ct)
    {
        if (plan.Halves.Count > 0)
        {
            if (await db.BookedHalves.AnyAsync(h => h.ResourceId == plan.ResourceId && h.Date == plan.Date && h.UserId == userId && plan.Halves.Contains(h.Half), ct))
            {
                return "Vous avez déjà une réservation sur ce créneau.";
            }
            var day = await db.DeskDays.AsNoTracking().FirstOrDefaultAsync(d => d.ResourceId == plan.ResourceId && d.Date == plan.Date, ct);
            var used = plan.Halves.Max(h => h == HalfDay.Morning ? day?.Morning ?? 0 : day?.Afternoon ?? 0);
            return used >= plan.Capacity ? "Complet." : null;
        }
        return await db.BookedSlots.AnyAsync(s => s.ResourceId == plan.ResourceId && plan.Slots.Contains(s.StartUtc), ct)
            ? "Créneau déjà réservé." : null;
    }
}
