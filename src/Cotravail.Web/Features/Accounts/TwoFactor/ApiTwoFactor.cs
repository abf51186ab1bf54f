using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;

namespace Cotravail.Web.Features.Accounts.TwoFactor;

/// <summary>
/// Two-factor authentication on Identity's API endpoints.
/// <c>POST /api/v1/auth/login</c> for an account with two-factor authentication needs <c>twoFactorCode</c> (or
/// <c>twoFactorRecoveryCode</c>) as well: without it Identity answers 401 « RequiresTwoFactor »; this says it in French.
/// </summary>
public static class ApiTwoFactor
{
    public const string Detail =
        "Ce compte utilise la double authentification : envoyez aussi « twoFactorCode » (le code à 6 chiffres de l'application) ou « twoFactorRecoveryCode » (un code de secours).";

    public const string ManagersKeepItTitle = "Les gestionnaires doivent garder la double authentification activée.";

    public const string ManagersKeepItDetail =
        "La double authentification est obligatoire pour les gestionnaires : elle ne peut être ni désactivée (« enable »: false) ni remise à zéro (« resetSharedKey »). De nouveaux codes de secours restent possibles (« resetRecoveryCodes »).";

    /// <summary>
    /// <c>POST /api/v1/auth/manage/2fa</c>: as the page, refuses a manager, while managers must use it, anything that would
    /// leave their account without two-factor authentication (turning it off, or a new shared key, which turns it off
    /// until a code of the new key is given). 403 ProblemDetails; nothing changes.
    /// </summary>
    public static EndpointFilterDelegate KeepManagersTwoFactor(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!factory.MethodInfo.GetParameters().Any(p => p.ParameterType == typeof(TwoFactorRequest)))
        {
            return next;
        }
        return async context =>
        {
            if (context.Arguments.OfType<TwoFactorRequest>().FirstOrDefault() is { } request && (request.Enable == false || request.ResetSharedKey))
            {
                var services = context.HttpContext.RequestServices;
                var users = services.GetRequiredService<UserManager<AppUser>>();
                if (services.GetRequiredService<ManagerTwoFactor>().Required
                    && await users.GetUserAsync(context.HttpContext.User) is { TwoFactorEnabled: true } user
                    && await users.IsInRoleAsync(user, Roles.Manager))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: ManagersKeepItTitle, detail: ManagersKeepItDetail);
                }
            }
            return await next(context);
        };
    }

    public static EndpointFilterDelegate OnLogin(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!factory.MethodInfo.GetParameters().Any(p => p.ParameterType == typeof(LoginRequest)))
        {
            return next;
        }
        return async context =>
        {
            var result = await next(context);
            var inner = result is INestedHttpResult nested ? nested.Result : result;
            if (inner is ProblemHttpResult { StatusCode: StatusCodes.Status401Unauthorized, ProblemDetails.Detail: "RequiresTwoFactor" })
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Code de vérification requis.", detail: Detail);
            }
            return result;
        };
    }
}
