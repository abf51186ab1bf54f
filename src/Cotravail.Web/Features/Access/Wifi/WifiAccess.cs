using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Events;
using Cotravail.Web.Features.Reception;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Access.Wifi;

/// <summary>What Cotravail answers FreeRADIUS.</summary>
public enum WifiVerdict
{
    /// <summary>Known, with rights at the site today (and, when authenticating, the right password or code).</summary>
    Granted,

    /// <summary>No such NAS-Identifier, account or event guest login.</summary>
    Unknown,

    /// <summary>Known, but without rights at this site now.</summary>
    NoRights,

    /// <summary>Wrong password or code.</summary>
    WrongSecret,
}

/// <summary>Who connects: a member's account, or the guests of an event.</summary>
public sealed record WifiPerson(AppUser? User, Event? Event);

/// <summary>
/// Who may use a site's Wi-Fi now. A member: with a booking confirmed at the site today, a day pass bought at its desk
/// today, or a subscription or carnet of the site's network usable today (connecting does not use a carnet's day).
/// An event's guests: from half an hour before the event to its end, at the event's site. Credentials: the account's
/// e-mail with the personal Wi-Fi code or the account's password (checked like a sign-in: lockout counts); an event's
/// guest login with its code.
/// </summary>
public sealed class WifiAccess(AppDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock)
{
    /// <summary>The open site whose access points send <paramref name="nasIdentifier"/>.</summary>
    public Task<Site?> SiteAsync(string? nasIdentifier, CancellationToken ct)
    {
        var nas = nasIdentifier?.Trim() ?? "";
        return db.WifiSites().Where(w => w.NasIdentifier == nas)
            .Join(db.Sites.Where(s => !s.IsArchived), w => w.SiteId, s => s.Id, (_, s) => s)
            .AsNoTracking().FirstOrDefaultAsync(ct);
    }

    /// <summary>The account (by e-mail) or the event (by guest login) <paramref name="userName"/> names; null when none.</summary>
    public async Task<WifiPerson?> PersonAsync(string? userName, CancellationToken ct)
    {
        var name = userName?.Trim() ?? "";
        if (name.Length is 0 or > 256)
        {
            return null;
        }
        if (WifiRules.GuestEvent(name) is { } eventId)
        {
            var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId, ct);
            return e is null ? null : new WifiPerson(null, e);
        }
        var user = await users.FindByEmailAsync(name);
        return user is null ? null : new WifiPerson(user, null);
    }

    /// <summary>What gave <paramref name="person"/> access at <paramref name="site"/> now (« Réservation », the subscription's name…), or null.</summary>
    public async Task<string?> RightAsync(Site site, WifiPerson person, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(person);
        var now = clock.GetUtcNow().UtcDateTime;
        if (person.Event is { } e)
        {
            return e.SiteId == site.Id && e.Status == EventStatus.Published && WifiRules.GuestWindowOpen(now, e.StartUtc, e.EndUtc) ? e.Title : null;
        }
        var userId = person.User!.Id;
        var today = SiteClock.Today(site, clock);
        if (await db.Bookings.AnyAsync(b => b.SiteId == site.Id && b.UserId == userId && b.Date == today && b.Status == BookingStatus.Confirmed, ct))
        {
            return "Réservation";
        }
        if (await db.Visits.AnyAsync(v => v.SiteId == site.Id && v.UserId == userId && v.Date == today && v.Kind == VisitKind.WalkIn, ct))
        {
            return "Pass journée";
        }
        return await db.Entitlements.AsNoTracking()
            .Where(x => x.UserId == userId && x.NetworkId == site.NetworkId && x.StartsOn <= today && x.ExpiresOn >= today && (x.Days == null || x.Used < x.Days))
            .OrderBy(x => x.ExpiresOn).Select(x => x.Name).FirstOrDefaultAsync(ct);
    }

    /// <summary>The authorisation step: is the person known, with rights here now? (No secret is checked yet.)</summary>
    public async Task<WifiVerdict> AuthorizeAsync(Site site, WifiPerson? person, CancellationToken ct)
    {
        if (person is null)
        {
            return WifiVerdict.Unknown;
        }
        return await RightAsync(site, person, ct) is null ? WifiVerdict.NoRights : WifiVerdict.Granted;
    }

    /// <summary>The authentication step: rights here now, and the personal code, the account's password or the event's code.</summary>
    public async Task<WifiVerdict> AuthenticateAsync(Site site, WifiPerson? person, string? secret, CancellationToken ct)
    {
        var verdict = await AuthorizeAsync(site, person, ct);
        if (verdict != WifiVerdict.Granted || string.IsNullOrEmpty(secret) || secret.Length > 256)
        {
            return verdict == WifiVerdict.Granted ? WifiVerdict.WrongSecret : verdict;
        }
        if (person!.Event is { } e)
        {
            var guestSecret = await db.WifiSites().Where(w => w.SiteId == e.SiteId).Select(w => w.GuestSecret).FirstAsync(ct);
            return WifiRules.Matches(WifiRules.GuestCode(guestSecret, e.Id, e.StartUtc), secret) ? WifiVerdict.Granted : WifiVerdict.WrongSecret;
        }
        var user = person.User!;
        var code = await db.WifiCodes().Where(c => c.UserId == user.Id).Select(c => c.Code).FirstOrDefaultAsync(ct);
        if (code is not null && WifiRules.Matches(code, secret))
        {
            return WifiVerdict.Granted;
        }
        var signedIn = await signIn.CheckPasswordSignInAsync(user, secret, lockoutOnFailure: true);
        return signedIn.Succeeded ? WifiVerdict.Granted : WifiVerdict.WrongSecret;
    }
}
