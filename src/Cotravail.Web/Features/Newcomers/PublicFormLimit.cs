using System.Globalization;
using System.Threading.RateLimiting;
using Cotravail.Web.Common;
using Microsoft.AspNetCore.RateLimiting;

namespace Cotravail.Web.Features.Newcomers;

/// <summary>
/// The « public-form » rate limit: forms anyone may send without an account (newcomers' requests, page and API) accept
/// <c>Newcomers:RequestsPerHour</c> submissions an hour per client address (5 by default). Reading is never limited.
/// Beyond the limit: 429, with French ProblemDetails on the API and the French error page elsewhere.
/// The counts live in this instance's memory (see ADR); the backing store can be swapped without touching the endpoints.
/// </summary>
internal sealed class PublicFormLimit(IConfiguration config) : IRateLimiterPolicy<string>
{
    public const string Name = "public-form";

    private readonly int _perHour = Math.Max(1, config.GetValue("Newcomers:RequestsPerHour", 5));

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (HttpMethods.IsGet(httpContext.Request.Method) || HttpMethods.IsHead(httpContext.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("lecture");
        }
        var client = httpContext.Connection.RemoteIpAddress?.ToString() ?? "inconnu";
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = _perHour, Window = TimeSpan.FromHours(1), QueueLimit = 0, AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        if (!http.IsApi())
        {
            return; // the status code pages show the French error page for 429
        }
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Trop de demandes envoyées depuis votre adresse.",
                Detail = "Pour protéger le service, le nombre de demandes par heure est limité. Réessayez plus tard.",
            },
        });
    }
}
