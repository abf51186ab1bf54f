using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Common.Security;

/// <summary>
/// The API takes small JSON bodies only: at most <c>Security:ApiBodyKilobytes</c> (64 by default; no API endpoint takes
/// a file, the pages that take images keep their own limits). A larger body is refused with 413 and a French
/// ProblemDetails before it is read, so a few huge requests cannot fill the memory.
/// </summary>
public static class ApiBodyLimit
{
    public const int DefaultKilobytes = 64;

    public static WebApplication UseApiBodyLimit(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var limit = 1024L * Math.Max(1, app.Configuration.GetValue("Security:ApiBodyKilobytes", DefaultKilobytes));
        app.UseWhen(c => c.IsApi(), api => api.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > limit)
            {
                await RefuseAsync(context, limit);
                return;
            }
            // The server stops reading past the limit (Kestrel); a body without a declared length (chunked) is also cut
            // where it passes the limit, whatever the server: reading it then fails with 413.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }
            if (context.Request.ContentLength is null)
            {
                context.Request.Body = new LimitedBody(context.Request.Body, limit);
            }
            await next(context);
        }));
        return app;
    }

    private static async Task RefuseAsync(HttpContext context, long limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = FrenchProblemDetails.TitleFor(StatusCodes.Status413PayloadTooLarge),
                Detail = $"Le corps de la requête dépasse {limit / 1024} Ko, la taille permise sur l'API.",
            },
        });
    }

    /// <summary>A request body that fails with 413 past <paramref name="limit"/> bytes.</summary>
    private sealed class LimitedBody(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit
                ? throw new BadHttpRequestException("Le corps de la requête est trop volumineux.", StatusCodes.Status413PayloadTooLarge)
                : read;
        }
    }
}
