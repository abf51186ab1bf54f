using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity.Data;

namespace Cotravail.Web.Features.Accounts.TwoFactor;

/// <summary>
/// <c>POST /api/v1/auth/login</c> for an account with two-factor authentication needs <c>twoFactorCode</c> (or
/// <c>twoFactorRecoveryCode</c>) as well: without it Identity answers 401 « RequiresTwoFactor »; this says it in French.
/// </summary>
public static class ApiTwoFactor
{
    public const string Detail =
        "Ce compte utilise la double authentification : envoyez aussi « twoFactorCode » (le code à 6 chiffres de l'application) ou « twoFactorRecoveryCode » (un code de secours).";

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
