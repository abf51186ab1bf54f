using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Cotravail.Web.Features.Entrepreneurs;

/// <summary>
/// The one rule of who sees what, used by every page, the API, search, exports, suggestions and the digest:
/// a public profile for everyone, a members' profile for the people who share a network with its owner (ADR 0025),
/// a hidden or suspended one for no one (its owner sees it on « Ma fiche » only). A listing shows while open and while
/// its profile does.
/// </summary>
public static class DirectoryVisibility
{
    public static IQueryable<Profile> VisibleTo(this IQueryable<Profile> profiles, Audience audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        return audience switch
        {
            { AnyMember: true } => profiles.Where(p => !p.IsSuspended && (p.Visibility == Visibility.Public || p.Visibility == Visibility.Members)),
            { Peers: { } peers } => profiles.Where(p => !p.IsSuspended
                && (p.Visibility == Visibility.Public || (p.Visibility == Visibility.Members && peers.Contains(p.OwnerUserId)))),
            _ => profiles.Where(p => !p.IsSuspended && p.Visibility == Visibility.Public),
        };
    }

    public static IQueryable<Listing> OpenTo(this IQueryable<Listing> listings, Audience audience, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(audience);
        var open = listings.Where(l => !l.IsHidden && l.ClosedAtUtc == null && l.ExpiresOn >= today && !l.Profile!.IsSuspended);
        return audience switch
        {
            { AnyMember: true } => open.Where(l => l.Profile!.Visibility == Visibility.Public || l.Profile.Visibility == Visibility.Members),
            { Peers: { } peers } => open.Where(l => l.Profile!.Visibility == Visibility.Public
                || (l.Profile.Visibility == Visibility.Members && peers.Contains(l.Profile.OwnerUserId))),
            _ => open.Where(l => l.Profile!.Visibility == Visibility.Public),
        };
    }

    /// <summary>Whether the profile shows to anyone but its owner (public or members', not hidden nor suspended).</summary>
    public static bool IsShown(Profile p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return !p.IsSuspended && p.Visibility is Visibility.Public or Visibility.Members;
    }

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
public static class DirectoryClock
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
