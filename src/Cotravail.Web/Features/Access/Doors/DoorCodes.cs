using Cotravail.Web.Data;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Access.Doors;

/// <summary>A code to show: where, for what, the code, and when it opens.</summary>
public sealed record ShownCode(Site Site, GrantKind Kind, int SourceId, string What, string Code, DoorWindow Window);

/// <summary>
/// The door codes of the sites, as people see them: a site's settings with its key, a member's codes today (for « Ma
/// carte »), the code of a booking (for its confirmation), the code of the day (for the hosts). Every code is computed from
/// the site's key (<see cref="DoorCodeRules.Code"/>), so what is shown never waits for the lock.
/// </summary>
public sealed class DoorCodes(AppDbContext db, IDataProtectionProvider protection, TimeProvider clock)
{
    private IDataProtector Protector => protection.CreateProtector("Cotravail.Access.Doors.Secrets.v1");

    public string Protect(string secret) => Protector.Protect(secret);

    public string Unprotect(string protectedSecret) => Protector.Unprotect(protectedSecret);

    /// <summary>The code of <paramref name="kind"/> number <paramref name="sourceId"/> at the site of <paramref name="access"/>.</summary>
    public string CodeOf(SiteDoorAccess access, GrantKind kind, int sourceId)
    {
        ArgumentNullException.ThrowIfNull(access);
        return DoorCodeRules.Code(Convert.FromBase64String(Unprotect(access.CodeKeyProtected)), kind, sourceId);
    }

    public Task<SiteDoorAccess?> AccessAsync(int siteId, CancellationToken ct) =>
        db.Set<SiteDoorAccess>().AsNoTracking().FirstOrDefaultAsync(a => a.SiteId == siteId, ct);

    /// <summary>The window of a booking's code: its slot, in its site's time zone.</summary>
    public static DoorWindow WindowOf(Site site, Booking.Booking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return DoorCodeRules.ForSlot(SiteClock.Zone(site), booking.Date, booking.LocalStart, booking.LocalEnd);
    }

    /// <summary>
    /// The member's codes for today at the sites giving personal codes: each booking of today not over yet (cancelled ones are
    /// never shown), and each subscription or carnet usable today, for the site's opening hours not over yet.
    /// </summary>
    public async Task<IReadOnlyList<ShownCode>> OfMemberTodayAsync(string userId, CancellationToken ct)
    {
        var accesses = await db.Set<SiteDoorAccess>().AsNoTracking().Where(a => a.Mode == DoorMode.PersonalCodes).ToListAsync(ct);
        if (accesses.Count == 0)
        {
            return [];
        }
        var siteIds = accesses.Select(a => a.SiteId).ToList();
        var sites = await db.Sites.AsNoTracking().Include(s => s.OpeningHours).Include(s => s.Closures)
            .Where(s => siteIds.Contains(s.Id) && !s.IsArchived).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var shown = new List<ShownCode>();
        var bookings = await db.Bookings.AsNoTracking().Include(b => b.Resource)
            .Where(b => b.UserId == userId && siteIds.Contains(b.SiteId) && b.Status == BookingStatus.Confirmed
                && b.EndUtc > now && b.StartUtc < now.AddDays(1))
            .OrderBy(b => b.StartUtc).ToListAsync(ct);
        foreach (var b in bookings)
        {
            var site = sites.FirstOrDefault(s => s.Id == b.SiteId);
            if (site is null || b.Date != SiteClock.Today(site, clock))
            {
                continue;
            }
            var access = accesses.First(a => a.SiteId == site.Id);
            shown.Add(new ShownCode(site, GrantKind.Booking, b.Id, b.Resource?.Name ?? "", CodeOf(access, GrantKind.Booking, b.Id), WindowOf(site, b)));
        }
        var networkIds = sites.Select(s => s.NetworkId).Distinct().ToList();
        var yesterday = DateOnly.FromDateTime(now).AddDays(-1);
        var tomorrow = DateOnly.FromDateTime(now).AddDays(1);
        var entitlements = await db.Entitlements.AsNoTracking()
            .Where(e => e.UserId == userId && networkIds.Contains(e.NetworkId) && e.StartsOn <= tomorrow && e.ExpiresOn >= yesterday)
            .OrderBy(e => e.Id).ToListAsync(ct);
        foreach (var e in entitlements)
        {
            foreach (var site in sites.Where(s => s.NetworkId == e.NetworkId).OrderBy(s => s.Name))
            {
                var today = SiteClock.Today(site, clock);
                if (!e.IsUsableOn(today))
                {
                    continue;
                }
                var windows = DoorCodeRules.ForOpeningHours(SiteClock.Zone(site), today, SiteCalendar.HoursOn(site, today)).Where(w => w.UntilUtc > now).ToList();
                if (windows.Count == 0)
                {
                    continue;
                }
                var access = accesses.First(a => a.SiteId == site.Id);
                var code = CodeOf(access, GrantKind.Entitlement, e.Id);
                shown.AddRange(windows.Select(w => new ShownCode(site, GrantKind.Entitlement, e.Id, e.Name, code, w)));
            }
        }
        return shown;
    }

    /// <summary>The code of the day at a site giving one, for the day <paramref name="day"/> (site-local), with its window; null otherwise.</summary>
    public static (string Code, DoorWindow Window)? DailyCode(SiteDoorAccess access, Site site, DateOnly day, Func<SiteDoorAccess, GrantKind, int, string> codeOf)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(codeOf);
        return access.Mode != DoorMode.DailyCode ? null : (codeOf(access, GrantKind.Daily, day.DayNumber), DoorCodeRules.ForDay(SiteClock.Zone(site), day));
    }
}
