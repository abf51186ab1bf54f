using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Access.Doors.Locks;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cotravail.Web.Features.Access.Doors;

/// <summary>Door access settings (<c>Doors:</c>).</summary>
public sealed class DoorOptions
{
    public const string Section = "Doors";

    /// <summary>Seconds between two reconciliations with the locks (a cancelled booking leaves the lock within that time).</summary>
    public int SyncSeconds { get; set; } = 30;

    /// <summary>How far ahead grants are sent to the locks, in hours (a lock that is offline for a while still has them).</summary>
    public int AheadHours { get; set; } = 24;

    /// <summary>How long a lock's API may take to answer, in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Allows http:// lock addresses on loopback (tests, a bridge on the same machine); https is required otherwise.</summary>
    public bool AllowLoopbackHttp { get; set; }
}

/// <summary>
/// Reconciles each site's lock with what should open it (ADR 0057): the grants wanted now and in the next hours are written
/// (a booking's slot, a subscription's opening hours, the code of the day), those no longer wanted (a cancelled booking, an
/// entitlement withdrawn, a window over, a mode turned off) are taken back, then the due ones are sent. Bookings are read
/// as they are, whichever way they were written (on PostgreSQL by plain SQL), so nothing depends on hearing of a change.
/// A lock that times out or answers an error is tried again later with a growing delay; the run never fails for it.
/// </summary>
public sealed partial class DoorSync(AppDbContext db, DoorCodes codes, IEnumerable<IDoorLock> locks, TimeProvider clock,
    IOptions<DoorOptions> options, ILogger<DoorSync> log)
{
    /// <summary>One reconciliation of every site, then every due grant sent; returns how many calls to locks succeeded.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        await using var held = await DatabaseLock.AcquireAsync(db, "door-sync", ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var accesses = await db.Set<SiteDoorAccess>().AsNoTracking().ToListAsync(ct);
        foreach (var access in accesses)
        {
            await ReconcileAsync(access, now, ct);
        }
        var done = 0;
        var due = await db.Set<DoorGrant>()
            .Where(g => (g.State == GrantState.Pending || g.State == GrantState.Withdrawing) && g.NextTryUtc <= now)
            .OrderBy(g => g.NextTryUtc).ThenBy(g => g.Id).Take(500).ToListAsync(ct);
        foreach (var grant in due)
        {
            var access = accesses.FirstOrDefault(a => a.SiteId == grant.SiteId);
            if (access is null || access.Lock == LockKind.None)
            {
                Settle(grant, GrantState.Withdrawn, now);
            }
            else if (await SendAsync(access, grant, now, ct))
            {
                done++;
            }
            await db.SaveChangesAsync(ct);
        }
        // The record of what was on the locks is kept a month.
        var old = now.AddDays(-30);
        await db.Set<DoorGrant>().Where(g => g.State == GrantState.Withdrawn && g.UntilUtc < old).ExecuteDeleteAsync(ct);
        return done;
    }

    private async Task ReconcileAsync(SiteDoorAccess access, DateTime now, CancellationToken ct)
    {
        var site = await db.Sites.AsNoTracking().Include(s => s.OpeningHours).Include(s => s.Closures).FirstOrDefaultAsync(s => s.Id == access.SiteId, ct);
        var wanted = site is null || site.IsArchived || access.Mode == DoorMode.None || access.Lock == LockKind.None
            ? []
            : await WantedAsync(access, site, now, ct);
        var rows = await db.Set<DoorGrant>()
            .Where(g => g.SiteId == access.SiteId && (g.State != GrantState.Withdrawn || g.UntilUtc > now))
            .ToListAsync(ct);
        foreach (var w in wanted)
        {
            var row = rows.FirstOrDefault(r => r.Kind == w.Kind && r.SourceId == w.SourceId && r.FromUtc == w.Window.FromUtc);
            if (row is null)
            {
                db.Set<DoorGrant>().Add(new DoorGrant
                {
                    SiteId = access.SiteId, Kind = w.Kind, SourceId = w.SourceId, UserId = w.UserId, Code = w.Code,
                    FromUtc = w.Window.FromUtc, UntilUtc = w.Window.UntilUtc, State = GrantState.Pending, NextTryUtc = now, UpdatedAtUtc = now,
                });
            }
            else if (row.State is GrantState.Withdrawn or GrantState.Withdrawing || row.Code != w.Code || row.UntilUtc != w.Window.UntilUtc)
            {
                // Wanted again (a mode turned back on), or changed: sent anew under the same name.
                (row.Code, row.UntilUtc, row.UserId) = (w.Code, w.Window.UntilUtc, w.UserId);
                row.State = GrantState.Pending;
                (row.Attempts, row.NextTryUtc, row.LastError, row.UpdatedAtUtc) = (0, now, null, now);
            }
        }
        foreach (var row in rows.Where(r => r.State is GrantState.Pending or GrantState.Granted))
        {
            if (wanted.Any(w => w.Kind == row.Kind && w.SourceId == row.SourceId && w.Window.FromUtc == row.FromUtc))
            {
                continue;
            }
            if (row.State == GrantState.Granted && access.Lock != LockKind.None)
            {
                (row.State, row.Attempts, row.NextTryUtc, row.LastError, row.UpdatedAtUtc) = (GrantState.Withdrawing, 0, now, null, now);
            }
            else
            {
                Settle(row, GrantState.Withdrawn, now);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private sealed record Wanted(GrantKind Kind, int SourceId, string? UserId, string Code, DoorWindow Window);

    /// <summary>What should be on the site's lock from now to the horizon.</summary>
    private async Task<List<Wanted>> WantedAsync(SiteDoorAccess access, Site site, DateTime now, CancellationToken ct)
    {
        var horizon = now.AddHours(Math.Max(1, options.Value.AheadHours));
        var zone = SiteClock.Zone(site);
        var firstDay = SiteClock.Today(site, clock);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(horizon, zone));
        bool Open(DoorWindow w) => w.UntilUtc > now && w.FromUtc < horizon;
        var wanted = new List<Wanted>();
        if (access.Mode == DoorMode.DailyCode)
        {
            for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
            {
                var window = DoorCodeRules.ForDay(zone, day);
                if (Open(window))
                {
                    wanted.Add(new Wanted(GrantKind.Daily, day.DayNumber, null, codes.CodeOf(access, GrantKind.Daily, day.DayNumber), window));
                }
            }
            return wanted;
        }
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.SiteId == site.Id && b.Status == BookingStatus.Confirmed && b.EndUtc > now && b.StartUtc < horizon.AddHours(1))
            .Select(b => new { b.Id, b.UserId, b.Date, b.LocalStart, b.LocalEnd }).ToListAsync(ct);
        foreach (var b in bookings)
        {
            var window = DoorCodeRules.ForSlot(zone, b.Date, b.LocalStart, b.LocalEnd);
            if (Open(window))
            {
                wanted.Add(new Wanted(GrantKind.Booking, b.Id, b.UserId, codes.CodeOf(access, GrantKind.Booking, b.Id), window));
            }
        }
        var entitlements = await db.Entitlements.AsNoTracking()
            .Where(e => e.NetworkId == site.NetworkId && e.StartsOn <= lastDay && e.ExpiresOn >= firstDay)
            .ToListAsync(ct);
        foreach (var e in entitlements)
        {
            for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
            {
                if (!e.IsUsableOn(day))
                {
                    continue;
                }
                foreach (var window in DoorCodeRules.ForOpeningHours(zone, day, SiteCalendar.HoursOn(site, day)).Where(Open))
                {
                    wanted.Add(new Wanted(GrantKind.Entitlement, e.Id, e.UserId, codes.CodeOf(access, GrantKind.Entitlement, e.Id), window));
                }
            }
        }
        return wanted;
    }

    private async Task<bool> SendAsync(SiteDoorAccess access, DoorGrant grant, DateTime now, CancellationToken ct)
    {
        var adapter = locks.FirstOrDefault(l => l.Kind == access.Lock);
        if (adapter is null || access.LockUrl is null || access.LockSecretProtected is null)
        {
            Settle(grant, GrantState.Withdrawn, now);
            return false;
        }
        var target = new LockTarget(access.SiteId, access.LockUrl, access.NukiSmartlockId, codes.Unprotect(access.LockSecretProtected));
        var withdrawing = grant.State == GrantState.Withdrawing;
        var answer = withdrawing ? await adapter.WithdrawAsync(target, grant, ct) : await adapter.GrantAsync(target, grant, ct);
        if (answer.Done)
        {
            grant.LockReference = answer.Reference ?? grant.LockReference;
            Settle(grant, withdrawing ? GrantState.Withdrawn : GrantState.Granted, now);
            return true;
        }
        grant.Attempts++;
        grant.LastError = answer.Error is { Length: > 300 } e ? e[..300] : answer.Error;
        grant.NextTryUtc = now + RetryDelay(grant.Attempts);
        grant.UpdatedAtUtc = now;
        LogRetry(log, grant.Id, grant.SiteId, grant.Attempts, grant.LastError, grant.NextTryUtc);
        return false;
    }

    /// <summary>1, 2, 4 … minutes after each failed try, at most an hour.</summary>
    public static TimeSpan RetryDelay(int attempts) => TimeSpan.FromMinutes(Math.Min(60, 1 << Math.Clamp(attempts - 1, 0, 6)));

    private static void Settle(DoorGrant grant, GrantState state, DateTime now) =>
        (grant.State, grant.Attempts, grant.LastError, grant.NextTryUtc, grant.UpdatedAtUtc) = (state, 0, null, now, now);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Door grant {GrantId} of site {SiteId} not sent (try {Attempts}: {Error}); next try at {NextTryUtc:u}.")]
    private static partial void LogRetry(ILogger logger, long grantId, int siteId, int attempts, string? error, DateTime nextTryUtc);
}

/// <summary>Every <see cref="DoorOptions.SyncSeconds"/> seconds, <see cref="DoorSync.RunAsync"/>.</summary>
public sealed class DoorSyncWorker(IServiceScopeFactory scopes, TimeProvider clock, IOptions<DoorOptions> options, ILogger<DoorSyncWorker> logger)
    : PeriodicWorker(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(5, options.Value.SyncSeconds));

    protected override string Job => "door codes";

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<DoorSync>().RunAsync(ct);
}
