using System.Security.Claims;
using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Cotravail.Web.Features.Privacy;

/// <summary>
/// A deleted account's sessions end at once: a cookie or a bearer token issued before the deletion (on another device,
/// or to a program) is refused, without waiting for the security stamp check or the token's expiry. The answer is read
/// from the database once a minute per account at most (cached in memory), so another instance notices within a minute.
/// </summary>
internal static class ErasedAccountGuard
{
    private static readonly TimeSpan LiveFor = TimeSpan.FromMinutes(1);

    public static string CacheKey(string userId) => "privacy:erased:" + userId;

    public static IApplicationBuilder UseErasedAccountGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && await IsErasedAsync(context, userId))
            {
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                if (context.IsApi())
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return;
                }
                context.Response.Redirect("/compte-supprime");
                return;
            }
            await next(context);
        });

    private static async Task<bool> IsErasedAsync(HttpContext context, string userId)
    {
        var cache = context.RequestServices.GetRequiredService<IMemoryCache>();
        if (cache.TryGetValue(CacheKey(userId), out bool erased))
        {
            return erased;
        }
        var db = context.RequestServices.GetRequiredService<AppDbContext>();
        erased = await db.AccountActivities.AsNoTracking().AnyAsync(a => a.UserId == userId && a.ErasedAtUtc != null, context.RequestAborted);
        cache.Set(CacheKey(userId), erased, erased ? TimeSpan.FromHours(1) : LiveFor);
        return erased;
    }
}
