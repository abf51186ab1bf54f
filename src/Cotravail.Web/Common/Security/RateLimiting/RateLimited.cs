using System.Globalization;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Cotravail.Web.Common.Security.RateLimiting;

/// <summary>A page whose limited posts count per account as well as per IP says which account here.</summary>
public interface IRateLimitedAccount
{
    string? RateLimitAccount { get; }
}

/// <summary>
/// Limits the posts of a Razor page with a named policy (<see cref="RateLimitPolicies"/>): past the limit, the
/// French « trop de tentatives » page answers 429 with Retry-After and the handler does not run.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class RateLimitedAttribute(string policy) : Attribute, IAsyncPageFilter
{
    public string Policy { get; } = policy;

    /// <summary>Only the posts to this named handler (<c>Guest</c> for <c>OnPostGuestAsync</c>); every post when null.</summary>
    public string? Handler { get; set; }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!HttpMethods.IsPost(context.HttpContext.Request.Method)
            || (Handler is not null && !string.Equals(context.HandlerMethod?.Name, Handler, StringComparison.OrdinalIgnoreCase)))
        {
            await next();
            return;
        }
        var account = (context.HandlerInstance as IRateLimitedAccount)?.RateLimitAccount;
        var limiter = context.HttpContext.RequestServices.GetRequiredService<DbRateLimiter>();
        if (await limiter.HitAsync(Policy, context.HttpContext, account, context.HttpContext.RequestAborted) is { } wait)
        {
            RateLimitRefusal.Prepare(context.HttpContext, wait);
            // The status-code pages show the French page /erreur/429.
            context.Result = new StatusCodeResult(StatusCodes.Status429TooManyRequests);
            return;
        }
        await next();
    }
}

/// <summary>The 429 answer: Retry-After, and a French text saying how long to wait.</summary>
public static class RateLimitRefusal
{
    /// <summary>For a page handler that counts by itself: the French « trop de tentatives » page, with Retry-After.</summary>
    public static IActionResult Page(HttpContext http, TimeSpan wait)
    {
        Prepare(http, wait);
        return new StatusCodeResult(StatusCodes.Status429TooManyRequests);
    }

    private const string WaitItem = "cotravail.retry-after";

    public static void Prepare(HttpContext http, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(http);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Items[WaitItem] = seconds;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Whole minutes to wait before trying again, when this request was refused (else null).</summary>
    public static int? MinutesToWait(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Items[WaitItem] is int seconds ? (seconds + 59) / 60 : null;
    }

    /// <summary>Sets Retry-After again (a re-executed error page starts from cleared headers).</summary>
    public static void RestoreHeader(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Items[WaitItem] is int seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
    }

    public static IResult Problem(HttpContext http, TimeSpan wait)
    {
        Prepare(http, wait);
        var minutes = MinutesToWait(http) ?? 1;
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Trop de requêtes ; réessayez plus tard.",
            detail: $"Trop de tentatives en peu de temps : réessayez dans {minutes} minute{(minutes > 1 ? "s" : "")}.");
    }
}

/// <summary>The same limits on minimal-API endpoints.</summary>
public static class RateLimitedEndpoints
{
    /// <summary>
    /// Limits this endpoint with the named policy. <paramref name="account"/> picks the account counted (the
    /// signed-in person when it is omitted or gives null).
    /// </summary>
    public static TBuilder RateLimited<TBuilder>(this TBuilder builder, string policy, Func<EndpointFilterInvocationContext, string?>? account = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var limiter = context.HttpContext.RequestServices.GetRequiredService<DbRateLimiter>();
            var wait = await limiter.HitAsync(policy, context.HttpContext, account?.Invoke(context), context.HttpContext.RequestAborted);
            return wait is { } w ? RateLimitRefusal.Problem(context.HttpContext, w) : await next(context);
        });

    /// <summary>
    /// For Identity's endpoints under /api/v1/auth: login, register, forgotPassword and resendConfirmationEmail
    /// get the same policies as their pages (recognised by the request they take).
    /// </summary>
    public static EndpointFilterDelegate OnIdentityApi(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var types = factory.MethodInfo.GetParameters().Select(p => p.ParameterType).ToHashSet();
        (string Policy, Func<object, string?> Account)? limit =
            types.Contains(typeof(LoginRequest)) ? (RateLimitPolicies.Login, a => (a as LoginRequest)?.Email)
            : types.Contains(typeof(RegisterRequest)) ? (RateLimitPolicies.Registration, a => (a as RegisterRequest)?.Email)
            : types.Contains(typeof(ForgotPasswordRequest)) ? (RateLimitPolicies.AccountMail, a => (a as ForgotPasswordRequest)?.Email)
            : types.Contains(typeof(ResendConfirmationEmailRequest)) ? (RateLimitPolicies.AccountMail, a => (a as ResendConfirmationEmailRequest)?.Email)
            : null;
        if (limit is not { } l)
        {
            return next;
        }
        return async context =>
        {
            var account = context.Arguments.Select(a => a is null ? null : l.Account(a)).FirstOrDefault(a => a is not null);
            var limiter = context.HttpContext.RequestServices.GetRequiredService<DbRateLimiter>();
            var wait = await limiter.HitAsync(l.Policy, context.HttpContext, account ?? "", context.HttpContext.RequestAborted);
            return wait is { } w ? RateLimitRefusal.Problem(context.HttpContext, w) : await next(context);
        };
    }
}
