using System.Security.Claims;
using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Accounts.TwoFactor;

/// <summary>
/// Managers must use two-factor authentication (<c>Security:RequireTwoFactorForManagers</c>, true by default).
/// A manager without it may use only the account pages and <c>/api/v1/auth</c>: every other page or endpoint that
/// requires signing in sends them to the setup page (pages) or answers 403 with an explanation (API), whether they
/// came with a cookie or a bearer token.
/// </summary>
public sealed class ManagerTwoFactor(IConfiguration config) : IAuthorizationMiddlewareResultHandler
{
    public const string SetupPath = "/compte/double-authentification/activer";

    public const string ApiDetail =
        "La double authentification est obligatoire pour les gestionnaires : activez-la sur /compte/double-authentification (ou par /api/v1/auth/manage/2fa), puis reconnectez-vous.";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public bool Required => config.GetValue("Security:RequireTwoFactorForManagers", true);

    /// <summary>True when <paramref name="user"/> is a manager who must still turn two-factor authentication on.</summary>
    public async Task<bool> MustSetUpAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        if (!Required || !user.IsInRole(Roles.Manager) || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return false;
        }
        return !await db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).FirstOrDefaultAsync(ct);
    }

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Succeeded && !IsAllowedWithout(context.Request.Path)
            && await MustSetUpAsync(context.User, context.RequestServices.GetRequiredService<AppDbContext>(), context.RequestAborted))
        {
            if (context.IsApi())
            {
                await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Double authentification requise.", detail: ApiDetail)
                    .ExecuteAsync(context);
            }
            else
            {
                context.Response.Redirect(SetupPath);
            }
            return;
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    private static bool IsAllowedWithout(PathString path) =>
        path.StartsWithSegments("/compte", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(AccountsModule.ApiRoot, StringComparison.OrdinalIgnoreCase);
}
