using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace Cotravail.Web.Common.Offline;

/// <summary>
/// Tells the service worker (<c>wwwroot/sw.js</c>) whose pages it may keep: every page answered to a signed-in person
/// carries <c>X-Cotravail-Account</c>, an opaque token of the account (not its id). A page answered without it (signed
/// out) or with another one (someone else signed in) makes the worker empty its copies of personal pages.
/// </summary>
public static class OfflineAccount
{
    public const string Header = "X-Cotravail-Account";

    public static string TokenOf(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("cotravail-offline:" + userId)))[..24];
    }

    public static IApplicationBuilder UseOfflineAccount(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var page = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) ?? false;
                if (page && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id)
                {
                    context.Response.Headers[Header] = TokenOf(id);
                }
                return Task.CompletedTask;
            });
            await next(context);
        });
}
