using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Cotravail.Web.Common;

/// <summary>
/// Headers every answer carries: a content security policy with a fresh nonce per request (scripts only from this
/// site or carrying the nonce, styles only from this site, no plugins, no framing, no base change, forms posted here
/// only), no sniffing, a strict referrer policy. Images come from this site, plus the origins a feature declares in
/// <see cref="ContentPolicyOptions.ImageSources"/> (the map's tiles) and nothing else.
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
    public static string Policy(string nonce, IEnumerable<string>? imageSources = null) =>
        "default-src 'self'; " +
        $"script-src 'nonce-{nonce}' 'self'; " +
        "style-src 'self'; " +
        $"img-src {string.Join(' ', new[] { "'self'", "data:" }.Concat(imageSources ?? []))}; " +
        "font-src 'self'; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'none'; " +
        "frame-ancestors 'none'; " +
        "form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var images = app.ApplicationServices.GetRequiredService<IOptions<ContentPolicyOptions>>().Value.ImageSources.Distinct().ToList();
        var withoutNonce = Policy("", images).Replace("'nonce-' ", "", StringComparison.Ordinal);
        return app.Use(async (context, next) =>
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
                    h.ContentSecurityPolicy = page || context.Items.ContainsKey(NonceItem) ? Policy(context.CspNonce(), images) : withoutNonce;
                }
                return Task.CompletedTask;
            });
            await next(context);
        });
    }
}

/// <summary>Sources a feature adds to the content security policy (an origin such as <c>https://tile.openstreetmap.org</c>).</summary>
public sealed class ContentPolicyOptions
{
    public List<string> ImageSources { get; } = [];
}
