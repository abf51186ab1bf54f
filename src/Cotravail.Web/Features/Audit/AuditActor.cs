using System.Security.Claims;

namespace Cotravail.Web.Features.Audit;

/// <summary>Who is acting now: the signed-in person of the current request and their IP address (none for a background job).</summary>
public sealed class AuditActor(IHttpContextAccessor http)
{
    private static readonly AsyncLocal<bool> Off = new();

    public HttpContext? Request => http.HttpContext;

    public string? UserId => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? Ip => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    /// <summary>
    /// Whether a change by the current actor to a record concerning <paramref name="subject"/> counts as « someone
    /// else's »: not when the person acts on their own record, nor when an anonymous visitor creates their account.
    /// </summary>
    public bool IsSomeoneElse(string? subject) =>
        UserId is { } actor ? actor != subject : Request is null;

    /// <summary>While the returned value lives, nothing is logged on this flow (the demo data seeding).</summary>
    public static IDisposable Suppress()
    {
        Off.Value = true;
        return new Restore();
    }

    public static bool Suppressed => Off.Value;

    private sealed class Restore : IDisposable
    {
        public void Dispose() => Off.Value = false;
    }
}
