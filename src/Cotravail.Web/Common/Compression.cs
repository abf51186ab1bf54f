using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Cotravail.Web.Common;

/// <summary>
/// Rural connections: pages, styles, scripts and JSON go compressed (Brotli, else gzip). Also over HTTPS: antiforgery
/// tokens are different in every response (they are encrypted with a random nonce), which defeats BREACH-style guessing.
/// </summary>
public static class Compression
{
    public static IServiceCollection AddCotravailCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["application/problem+json", "text/calendar", "text/csv", "image/svg+xml"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }
}
