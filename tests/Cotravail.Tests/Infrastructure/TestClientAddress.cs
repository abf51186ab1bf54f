using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Cotravail.Tests.Infrastructure;

/// <summary>
/// The in-memory test server has no client address; a test names one with the <c>X-Test-Client-IP</c> header
/// (as a real connection would have it), to see limits per address.
/// </summary>
internal sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-IP";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var ip))
            {
                context.Connection.RemoteIpAddress = ip;
            }
            await nextMiddleware(context);
        });
        next(app);
    };
}
