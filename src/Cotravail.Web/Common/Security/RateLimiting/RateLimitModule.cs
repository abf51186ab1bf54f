namespace Cotravail.Web.Common.Security.RateLimiting;

public static class RateLimitModule
{
    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<DbRateLimiter>();
        builder.Services.AddHostedService<RateLimitCleanup>();
        return builder;
    }
}
