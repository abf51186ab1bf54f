using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cotravail.Tests.Observability;

/// <summary>
/// An OpenTelemetry collector as far as the OTLP/HTTP protocol goes: a Kestrel server on a loopback port that takes the
/// protobuf bodies posted to <c>/v1/traces</c>, <c>/v1/metrics</c> and <c>/v1/logs</c> and answers 200 with an empty
/// export response. What it received is read with <see cref="Otlp"/>.
/// </summary>
internal sealed class FakeOtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _server;
    private readonly ConcurrentQueue<(string Signal, byte[] Body)> _received;

    private FakeOtlpCollector(WebApplication server, ConcurrentQueue<(string, byte[])> received, Uri endpoint)
    {
        _server = server;
        _received = received;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public IReadOnlyList<byte[]> Bodies(string signal) => [.. _received.Where(r => r.Signal == signal).Select(r => r.Body)];

    public static async Task<FakeOtlpCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var server = builder.Build();
        var received = new ConcurrentQueue<(string, byte[])>();
        server.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            Stream body = request.Headers.ContentEncoding.ToString() == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
            using var copy = new MemoryStream();
            await body.CopyToAsync(copy);
            received.Enqueue((signal, copy.ToArray()));
            return Results.Bytes([], "application/x-protobuf");
        });
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new FakeOtlpCollector(server, received, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
    }
}
