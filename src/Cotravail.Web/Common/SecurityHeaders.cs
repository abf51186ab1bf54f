namespace Cotravail.Web.Common;

public static class SecurityHeaders
{
    /// <summary>Headers every answer carries (no sniffing, no framing, a strict referrer policy).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var h = context.Response.Headers;
                h.XContentTypeOptions = "nosniff";
                h["Referrer-Policy"] = "strict-origin-when-cross-origin";
                h.XFrameOptions = "DENY";
                if (h.ContentSecurityPolicy.Count == 0) // an endpoint may set a stricter one (served images)
                {
                    h.ContentSecurityPolicy =
                        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
                }
                return Task.CompletedTask;
            });
            await next(context);
        });
}
