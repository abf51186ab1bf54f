using System.Security.Cryptography;

namespace Cotravail.Web.Common;

/// <summary>
/// Headers every answer carries: a content security policy with a fresh nonce per request (scripts only from this
/// site or carrying the nonce, styles only from this site, no plugins, no framing, no base change, forms posted here
/// only), no sniffing, a strict referrer policy.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceItem = "cotravail.csp-nonce";

    /// <summary>The nonce of this request's policy; a script or style block written inline must carry it.</summary>
    public static string CspNonce(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[NonceItem] is not string nonce)
        {
            nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
            context.Items[NonceItem] = nonce;
        }
        return nonce;
    }

    /// <summary>The policy for a request whose nonce is <paramref name="nonce"/>.</summary>
    public static string Policy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'nonce-{nonce}' 'self'; " +
        "style-src 'self'; " +
        "img-src 'self' data:; " +
        "font-src 'self'; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'none'; " +
        "frame-ancestors 'none'; " +
        "form-action 'self'";

    private static readonly string WithoutNonce = Policy("").Replace("'nonce-' ", "", StringComparison.Ordinal);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var h = context.Response.Headers;
                h.XContentTypeOptions = "nosniff";
                h["Referrer-Policy"] = "strict-origin-when-cross-origin";
                h.XFrameOptions = "DENY";
                h["Cross-Origin-Opener-Policy"] = "same-origin";
                h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                if (h.ContentSecurityPolicy.Count == 0) // an endpoint may set a stricter one (served images)
                {
                    // A page, or anything that handed out a nonce, gets one; other answers (JSON, files, redirects)
                    // run no script and share one policy without a nonce, drawn from no random source.
                    var page = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) ?? false;
                    h.ContentSecurityPolicy = page || context.Items.ContainsKey(NonceItem) ? Policy(context.CspNonce()) : WithoutNonce;
                }
                return Task.CompletedTask;
            });
            await next(context);
        });
}
