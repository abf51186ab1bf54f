using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Booking;

public enum BookOutcome
{
    Booked,
    Invalid,
    UnknownResource,
    Full,
    AlreadyBooked,
}

public sealed record BookResult(BookOutcome Outcome, Booking? Booking = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public string Message => Outcome switch
    {
        BookOutcome.Full => "Plus de place disponible pour ce créneau.",
        BookOutcome.AlreadyBooked => "Vous avez déjà une réservation de cet espace sur ce créneau.",
        BookOutcome.UnknownResource => "Cet espace à réserver n'existe pas.",
        _ => "",
    };
}

public enum CancelOutcome
{
    Cancelled,
    LateCancelled,
    NotFound,
    TooLate,
}

/// <summary>Booking and cancelling, for the API and the pages alike: rules, then places in one transaction, then mail.</summary>
public sealed partial class BookingCommands(
    AppDbContext db, BookingService places, BookingMailer mailer, UserManager<AppUser> users, TimeProvider clock,
    IOutputCacheStore cache, Common.Mail.MailSignal mailSignal, Common.Observability.CotravailMetrics metrics, ILogger<BookingCommands> logger)
{
    /// <summary>
    /// The resource with its site, hours and closures, when both are open to bookings, read only and in one query: the
    /// closures over before yesterday (UTC) cannot stop a booking, so they are left out.
    /// </summary>
    public Task<Resource?> LoadResourceAsync(int resourceId, CancellationToken ct) =>
        ResourceQuery.For(db)(db, resourceId, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1), ct);

    // Compiled once: a booking does not pay for translating the query again.
    private static readonly CompiledPerProvider<Func<AppDbContext, int, DateOnly, CancellationToken, Task<Resource?>>> ResourceQuery =
        new(() => EF.CompileAsyncQuery((AppDbContext db, int resourceId, DateOnly over, CancellationToken ct) =>
            db.Resources.AsNoTracking().AsSingleQuery()
                .Include(r => r.Site!).ThenInclude(s => s.OpeningHours)
                .Include(r => r.Site!).ThenInclude(s => s.Closures.Where(c => c.EndDate >= over))
                .FirstOrDefault(r => r.Id == resourceId && !r.IsArchived && !r.Site!.IsArchived)));

    public async Task<RuleResult?> CheckAsync(BookingRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var resource = await LoadResourceAsync(request.ResourceId, ct);
        return resource is null ? null : BookingRules.Check(resource.Site!, resource, request, clock.GetUtcNow().UtcDateTime);
    }

    public async Task<BookResult> BookAsync(string userId, BookingRequest request, string host, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var resource = await LoadResourceAsync(request.ResourceId, ct);
        var rules = resource is null ? null : BookingRules.Check(resource.Site!, resource, request, clock.GetUtcNow().UtcDateTime);
        if (rules is null)
        {
            return new BookResult(BookOutcome.UnknownResource, Errors: new Dictionary<string, string[]> { ["resourceId"] = ["Cet espace à réserver n'existe pas."] });
        }
        if (!rules.IsValid)
        {
            return new BookResult(BookOutcome.Invalid, Errors: rules.Errors);
        }
        // The confirmation is written with the booking: both are kept, or neither. On PostgreSQL a desk booking that
        // takes nothing but its place goes in one round trip; any other, in a transaction.
        var door = await mailer.DoorLinesAsync([resource!.SiteId], ct);
        var quick = await places.PlaceAtOnceAsync(userId, rules.Plan!, request.Discovery, b =>
        {
            ShowWith(b, resource!);
            return BookingMailer.ConfirmationToAccount([b], host, door);
        }, ct);
        var (outcome, booking) = quick ?? await InTransactionAsync(async () =>
        {
            var placed = await places.PlaceAsync(userId, rules.Plan!, null, ct, request.Discovery);
            if (placed.Outcome == PlaceOutcome.Booked)
            {
                ShowWith(placed.Booking!, resource!);
                await mailer.SendConfirmationToAccountAsync(userId, [placed.Booking!], host, ct);
            }
            return placed;
        }, ct);
        metrics.Booking(outcome, resource!.Kind, resource.Site!.Slug);
        if (outcome == PlaceOutcome.DiscoveryRefused)
        {
            var desk = resource!.Kind == ResourceKind.DeskPool;
            var why = desk ? Cover.DiscoveryAlreadyUsed : Cover.DiscoveryOnlyForDesks;
            return new BookResult(BookOutcome.Invalid, Errors: new Dictionary<string, string[]> { ["discovery"] = [why] });
        }
        if (outcome != PlaceOutcome.Booked)
        {
            return new BookResult(outcome == PlaceOutcome.Full ? BookOutcome.Full : BookOutcome.AlreadyBooked);
        }
        // Committed: the dispatcher may send the confirmation now; what follows must not be cut short by a client
        // that went away (a retry relies on it).
        mailSignal.Poke();
        await SafelyAsync(() => AvailabilityCache.ChangedAsync(cache, CancellationToken.None), booking!.Id);
        return new BookResult(BookOutcome.Booked, booking);
    }

    /// <summary>
    /// A committed booking is answered and mailed with the resource and site read for the rules (read only), not read
    /// again: it leaves the change tracker first, so that no later save in this request touches them.
    /// </summary>
    public void ShowWith(Booking booking, Resource resource)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(resource);
        db.Entry(booking).State = EntityState.Detached;
        booking.Resource = resource;
        booking.Site = resource.Site;
    }

    /// <summary>Cancels a booking of <paramref name="userId"/> (or any booking when <paramref name="asStaff"/>).</summary>
    public async Task<(CancelOutcome Outcome, Booking? Booking)> CancelAsync(int bookingId, string userId, bool asStaff, CancellationToken ct)
    {
        var booking = await db.Bookings.AsNoTracking().Include(b => b.Site).Include(b => b.Resource)
            .FirstOrDefaultAsync(b => b.Id == bookingId && (asStaff || b.UserId == userId), ct);
        if (booking is null)
        {
            return (CancelOutcome.NotFound, null);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (!CancellationPolicy.CanCancel(booking, now))
        {
            return (CancelOutcome.TooLate, booking);
        }
        var late = CancellationPolicy.IsLate(booking.Site!, booking, now);
        // The status change is the claim: of two cancellations at once, only one frees the places.
        var (cancelled, _) = await InTransactionAsync(
            async () => await places.CancelAsync(booking, late, now, ct) ? (true, true) : (false, false),
            onConflict: false, ct);
        if (!cancelled)
        {
            var current = await db.Bookings.AsNoTracking().Where(b => b.Id == bookingId).Select(b => b.Status).FirstAsync(ct);
            booking.Status = current;
            return (CancelOutcome.TooLate, booking);
        }
        booking.Status = late ? BookingStatus.LateCancelled : BookingStatus.Cancelled;
        booking.CancelledAtUtc = now;
        // Committed: what follows must not be cut short by a client that went away.
        await SafelyAsync(() => AvailabilityCache.ChangedAsync(cache, CancellationToken.None), booking.Id);
        var owner = await users.FindByIdAsync(booking.UserId);
        if (owner?.Email is { } email)
        {
            await SafelyAsync(() => mailer.SendCancellationAsync(email, booking, CancellationToken.None), booking.Id);
        }
        return (late ? CancelOutcome.LateCancelled : CancelOutcome.Cancelled, booking);
    }

    public async Task SendConfirmationAsync(string userId, IReadOnlyList<int> bookingIds, string host, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        if (user?.Email is null || bookingIds.Count == 0)
        {
            return;
        }
        var bookings = await db.Bookings.AsNoTracking().Include(b => b.Site).Include(b => b.Resource)
            .Where(b => bookingIds.Contains(b.Id)).OrderBy(b => b.StartUtc).ToListAsync(ct);
        await SafelyAsync(() => mailer.SendConfirmationAsync(user.Email, bookings, host, ct), bookingIds[0]);
    }

    /// <summary>
    /// The booking is committed: what follows (the mail, the availability cache) must not turn it into an error for
    /// the member, nor make a retry with the same Idempotency-Key book again.
    /// </summary>
    public async Task SafelyAsync(Func<Task> send, int bookingId)
    {
        try
        {
            await send();
        }
#pragma warning disable CA1031 // any failure after the commit is logged, the booking stands
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogMailFailed(logger, e, bookingId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Booking {BookingId} is saved but a step after it (e-mail, cache) failed.")]
    private static partial void LogMailFailed(ILogger logger, Exception e, int bookingId);

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction (on SQLite a writer lock taken at once, queued by <see cref="WriteGate"/>).
    /// A unique key taken by a concurrent request means the place went to someone else: the work is undone and
    /// the outcome says which claim was lost. A transient conflict (deadlock, serialisation, busy file) is retried.
    /// </summary>
    public async Task<(PlaceOutcome, Booking?)> InTransactionAsync(Func<Task<(PlaceOutcome, Booking?)>> work, CancellationToken ct)
    {
        PlaceOutcome lost = PlaceOutcome.Full;
        var (_, result) = await InTransactionAsync(async () =>
            {
                var r = await work();
                return (r.Item1 == PlaceOutcome.Booked, r);
            },
            onConflict: (PlaceOutcome.Full, (Booking?)null), ct, e => lost = DbErrors.ViolatedTable(e) == "BookedHalves" ? PlaceOutcome.AlreadyBooked : PlaceOutcome.Full);
        return result.Item1 == PlaceOutcome.Full && result.Item2 is null ? (lost, null) : result;
    }

    private async Task<(bool Committed, T Result)> InTransactionAsync<T>(
        Func<Task<(bool Commit, T Result)>> work, T onConflict, CancellationToken ct, Action<Exception>? onUniqueViolation = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var gate = await WriteGate.EnterAsync(db, ct);
            Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? tx = null;
            // A failed step undoes the whole transaction: no savepoint before each SaveChanges (one round trip each).
            var savepoints = db.Database.AutoSavepointsEnabled;
            db.Database.AutoSavepointsEnabled = false;
            try
            {
                tx = await db.Database.BeginTransactionAsync(ct);
                var (commit, result) = await work();
                if (commit)
                {
                    await tx.CommitAsync(ct);
                }
                else
                {
                    await tx.RollbackAsync(ct);
                }
                return (commit, result);
            }
            catch (Exception e) when (DbErrors.IsUniqueViolation(e))
            {
                await RollbackAsync(tx);
                onUniqueViolation?.Invoke(e);
                return (false, onConflict);
            }
            catch (Exception e) when (DbErrors.IsTransient(e) && attempt < 3)
            {
                await RollbackAsync(tx);
            }
            finally
            {
                db.Database.AutoSavepointsEnabled = savepoints;
                if (tx is not null)
                {
                    await tx.DisposeAsync();
                }
            }
        }
    }

    private async Task RollbackAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? tx)
    {
        if (tx is not null)
        {
            await tx.RollbackAsync(CancellationToken.None);
        }
        db.ChangeTracker.Clear();
    }
}
