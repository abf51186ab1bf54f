using System.Security.Claims;
using Cotravail.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Cotravail.Web.Features.Accounts.TwoFactor;

/// <summary>
/// Managers must use two-factor authentication (<c>Security:RequireTwoFactorForManagers</c>, true by default).
/// A manager without it is authenticated without the Manager role, with the claim <see cref="PendingClaim"/> instead
/// (<see cref="CheckedAuthenticationService"/>): whatever an endpoint does, it never answers them as a manager (a public
/// endpoint answers as to anyone). Here, every other page or endpoint that requires signing in sends them to the setup
/// page (pages) or answers 403 with an explanation (API), whether they came with a cookie or a bearer token; only the
/// account pages and <c>/api/v1/auth</c> stay open.
/// </summary>
public sealed class ManagerTwoFactor(IConfiguration config) : IAuthorizationMiddlewareResultHandler
{
    public const string SetupPath = "/compte/double-authentification/activer";

    /// <summary>Carried by a manager's session while their account has no two-factor authentication.</summary>
    public const string PendingClaim = "cotravail:manager-two-factor-pending";

    public const string ApiDetail =
        "La double authentification est obligatoire pour les gestionnaires : activez-la sur /compte/double-authentification (ou par /api/v1/auth/manage/2fa), puis reconnectez-vous.";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public bool Required => config.GetValue("Security:RequireTwoFactorForManagers", true);

    /// <summary>True when <paramref name="user"/> is a manager who must still turn two-factor authentication on.</summary>
    public static bool MustSetUp(ClaimsPrincipal user) => user?.HasClaim(c => c.Type == PendingClaim) == true;

    /// <summary>A copy of <paramref name="principal"/> without the Manager role, marked with <see cref="PendingClaim"/>.</summary>
    public static ClaimsPrincipal WithoutManagerRole(ClaimsPrincipal principal, string roleClaimType)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var copy = principal.Clone();
        foreach (var identity in copy.Identities)
        {
            foreach (var role in identity.FindAll(c => (c.Type == roleClaimType || c.Type == identity.RoleClaimType) && c.Value == Roles.Manager).ToList())
            {
                identity.TryRemoveClaim(role);
            }
        }
        copy.Identities.First().AddClaim(new Claim(PendingClaim, "true"));
        return copy;
    }

    /// <summary>
    /// Pages that anyone may open but whose forms act for the person signed in (register to an event, volunteer…) check
    /// the sign-in themselves, so no policy reaches <see cref="HandleAsync"/>: a manager without two-factor
    /// authentication sends nothing but reading requests there either, until it is on.
    /// </summary>
    public static void HoldChanges(IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(static async (context, next) =>
        {
            if (MustSetUp(context.User) && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                && !HttpMethods.IsOptions(context.Request.Method) && !IsAllowedWithout(context.Request.Path))
            {
                await RefuseAsync(context);
                return;
            }
            await next(context);
        });
    }

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (!authorizeResult.Challenged && MustSetUp(context.User) && !IsAllowedWithout(context.Request.Path))
        {
            await RefuseAsync(context);
            return;
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    private static async Task RefuseAsync(HttpContext context)
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
    }

    private static bool IsAllowedWithout(PathString path) =>
        path.StartsWithSegments("/compte", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(AccountsModule.ApiRoot, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(Common.LanguageSwitch.Path, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/erreur", StringComparison.OrdinalIgnoreCase);
}
