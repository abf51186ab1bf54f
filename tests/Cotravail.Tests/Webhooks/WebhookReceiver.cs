using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cotravail.Tests.Webhooks;

/// <summary>One request the receiver got: its path, raw body and the headers Cotravail signs and numbers it with.</summary>
public sealed record Received(string Path, byte[] Body, string? Signature, string? Delivery, string? Type)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// Another tool's webhook endpoint, as a small Kestrel app on a loopback port: it records every POST and answers what the
/// test queued for it (a status code, or no answer at all), 200 once the queue is empty.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    /// <summary>An answer that never comes (the request hangs until the caller gives up).</summary>
    public const int Silence = -1;

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stop = new();

    public Uri Base { get; }
    public ConcurrentQueue<Received> Requests { get; } = new();
    public ConcurrentQueue<int> Answers { get; } = new();

    private WebhookReceiver(WebApplication app, Uri address)
    {
        _app = app;
        Base = address;
    }

    public string Url(string path = "/hooks") => new Uri(Base, path).AbsoluteUri;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/{**path}", async (HttpRequest r) => await receiver!.ReceiveAsync(r));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new WebhookReceiver(app, new Uri(address));
        return receiver;
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        Requests.Enqueue(new Received(request.Path, body.ToArray(), request.Headers["Cotravail-Signature"].FirstOrDefault(),
            request.Headers["Cotravail-Delivery"].FirstOrDefault(), request.Headers["Cotravail-Event"].FirstOrDefault()));
        var answer = Answers.TryDequeue(out var queued) ? queued : 200;
        if (answer == Silence)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), _stop.Token);
            }
            catch (OperationCanceledException)
            {
                // the receiver stops
            }
            return Results.StatusCode(504);
        }
        return Results.StatusCode(answer);
    }

    public IReadOnlyList<Received> To(string path) => [.. Requests.Where(r => r.Path == path)];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _app.DisposeAsync();
        _stop.Dispose();
    }
}
