using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Cotravail.Web.Features.Entrepreneurs;

/// <summary>
/// The one rule of who sees what, used by every page, the API, search, exports, suggestions and the digest:
/// a public profile for everyone, a members' profile for people signed in, a hidden or suspended one for no one
/// (its owner sees it on « Ma fiche » only). A listing shows while open and while its profile does.
/// </summary>
public static class NetworkVisibility
{
    public static IQueryable<Profile> VisibleTo(this IQueryable<Profile> profiles, bool member) => member
        ? profiles.Where(p => !p.IsSuspended && (p.Visibility == Visibility.Public || p.Visibility == Visibility.Members))
        : profiles.Where(p => !p.IsSuspended && p.Visibility == Visibility.Public);

    public static IQueryable<Listing> OpenTo(this IQueryable<Listing> listings, bool member, DateOnly today) => member
        ? listings.Where(l => !l.IsHidden && l.ClosedAtUtc == null && l.ExpiresOn >= today
            && !l.Profile!.IsSuspended && (l.Profile.Visibility == Visibility.Public || l.Profile.Visibility == Visibility.Members))
        : listings.Where(l => !l.IsHidden && l.ClosedAtUtc == null && l.ExpiresOn >= today
            && !l.Profile!.IsSuspended && l.Profile.Visibility == Visibility.Public);

    public static bool IsVisibleTo(Profile p, bool member) =>
        !p.IsSuspended && (p.Visibility == Visibility.Public || (member && p.Visibility == Visibility.Members));

    /// <summary>Signed in with the cookie or a bearer token (directory and board are open to everyone, so nothing requires either).</summary>
    public static async Task<string?> MemberIdAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.User.Identity?.IsAuthenticated == true)
        {
            return http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        }
        var bearer = await http.AuthenticateAsync(IdentityConstants.BearerScheme);
        return bearer.Succeeded ? bearer.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) : null;
    }
}

/// <summary>Dates of the network, read in Paris (the territory's time zone).</summary>
public static class NetworkClock
{
    private static readonly TimeZoneInfo Paris =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Paris));
    }

    /// <summary>The Monday of the week of <paramref name="day"/>.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
