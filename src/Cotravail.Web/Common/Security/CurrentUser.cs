using System.Security.Claims;
using Cotravail.Web.Features.Accounts;

namespace Cotravail.Web.Common.Security;

/// <summary>
/// The person behind the request: their id and roles from the session's claims, and — loaded once per request, on first
/// use — the networks they manage and the sites they host. The one place that reads the user id from claims.
/// Outside a request (background jobs) it is nobody.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, IStaffReachLoader loader)
{
    private StaffReach? reach;

    public ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    /// <summary>The account's id; null when nobody is signed in.</summary>
    public string? Id => IsAuthenticated ? Principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    /// <summary>The account's id, on pages and endpoints that require a signed-in person.</summary>
    public string RequiredId => Id ?? throw new InvalidOperationException("This request has no signed-in person.");

    public bool IsMember => Principal.IsInRole(Roles.Member);

    public bool IsHost => Principal.IsInRole(Roles.Host);

    /// <summary>A manager signed in as such (a manager without two-factor authentication has no Manager role in the session).</summary>
    public bool IsManager => Principal.IsInRole(Roles.Manager);

    /// <summary>The networks managed and sites hosted, read once per request.</summary>
    public async Task<StaffReach> ReachAsync(CancellationToken ct = default)
    {
        return reach ??= await LoadAsync(ct);
    }

    private async Task<StaffReach> LoadAsync(CancellationToken ct) =>
        Id is { } id && (IsHost || IsManager) ? await loader.LoadAsync(id, IsHost, IsManager, ct) : StaffReach.None;
}
