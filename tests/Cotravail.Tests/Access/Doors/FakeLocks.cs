using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cotravail.Web.Common.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cotravail.Tests.Access.Doors;

/// <summary>
/// Locks as a small Kestrel app on a loopback port. Nuki Web API as documented (bearer API token, else 401):
/// <c>PUT /smartlock/{smartlockId}/auth</c> takes a keypad code (type 13; name of 1 to 20 characters; code of six digits
/// 1–9 not starting with 12, else 400) and answers 204 without the new id; <c>GET /smartlock/{smartlockId}/auth</c> lists the
/// authorizations with their <c>id</c> (a hex string); <c>DELETE /smartlock/{smartlockId}/auth/{id}</c> answers 204, 404 when
/// unknown. And webhook receivers at <c>POST /hook/{name}</c> that keep each request and check its signature. A test makes the
/// next calls fail (<see cref="FailNext"/>) or answer too late (<see cref="StallNext"/>).
/// </summary>
public sealed class FakeLocks : IAsyncDisposable
{
    public const string NukiToken = "nuki-api-token-0123456789abcdef";
    public const string HookSecret = "webhook-secret-0123456789abcdef";

    private readonly WebApplication _app;
    private int _fail;
    private int _failStatus;
    private int _stall;

    public Uri Base { get; }

    /// <summary>The authorizations on each Nuki smart lock, by id.</summary>
    public ConcurrentDictionary<long, ConcurrentDictionary<string, JsonObject>> Nuki { get; } = new();

    /// <summary>Every webhook received by receiver name: its JSON, whether its signature was right, its delivery id.</summary>
    public ConcurrentQueue<(string Receiver, JsonObject Body, bool Signed, string? Delivery)> Hooks { get; } = new();

    private FakeLocks(WebApplication app, Uri address)
    {
        _app = app;
        Base = address;
    }

    public string HookUrl(string receiver) => new Uri(Base, "/hook/" + receiver).AbsoluteUri;

    public string NukiUrl => Base.AbsoluteUri.TrimEnd('/');

    public IReadOnlyList<JsonObject> AuthsOf(long smartlockId) =>
        Nuki.TryGetValue(smartlockId, out var auths) ? [.. auths.Values] : [];

    public IReadOnlyList<JsonObject> HooksOf(string receiver) => [.. Hooks.Where(h => h.Receiver == receiver).Select(h => h.Body)];

    /// <summary>The next <paramref name="count"/> calls answer <paramref name="status"/>.</summary>
    public void FailNext(int count, int status = 503) => (_fail, _failStatus) = (count, status);

    /// <summary>The next <paramref name="count"/> calls wait 10 s before answering (longer than the test's timeout).</summary>
    public void StallNext(int count) => _stall = count;

    public static async Task<FakeLocks> StartAsync(TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeLocks? fake = null;
        app.Use(async (context, next) =>
        {
            if (Interlocked.Decrement(ref fake!._stall) >= 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            }
            if (Interlocked.Decrement(ref fake._fail) >= 0)
            {
                context.Response.StatusCode = fake._failStatus;
                return;
            }
            await next(context);
        });
        app.MapPut("/smartlock/{id:long}/auth", (long id, HttpRequest r) => fake!.CreateAsync(id, r));
        app.MapGet("/smartlock/{id:long}/auth", (long id, HttpRequest r) => fake!.List(id, r));
        app.MapDelete("/smartlock/{id:long}/auth/{authId}", (long id, string authId, HttpRequest r) => fake!.Delete(id, authId, r));
        app.MapPost("/hook/{name}", (string name, HttpRequest r) => fake!.HookAsync(name, r, clock));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake = new FakeLocks(app, new Uri(address));
        return fake;
    }

    private static bool Authorised(HttpRequest r) => r.Headers.Authorization.ToString() == "Bearer " + NukiToken;

    private async Task<IResult> CreateAsync(long smartlockId, HttpRequest r)
    {
        if (!Authorised(r))
        {
            return Results.Unauthorized();
        }
        var body = await JsonNode.ParseAsync(r.Body) as JsonObject;
        var name = body?["name"]?.GetValue<string>();
        var type = body?["type"]?.GetValue<int>();
        var code = body?["code"]?.GetValue<int>().ToString(CultureInfo.InvariantCulture);
        var validCode = code is { Length: 6 } && code.All(c => c is >= '1' and <= '9') && !code.StartsWith("12", StringComparison.Ordinal);
        if (body is null || name is not { Length: >= 1 and <= 20 } || type != 13 || !validCode
            || !DateTime.TryParse(body["allowedFromDate"]?.GetValue<string>(), CultureInfo.InvariantCulture, out _)
            || !DateTime.TryParse(body["allowedUntilDate"]?.GetValue<string>(), CultureInfo.InvariantCulture, out _))
        {
            return Results.BadRequest();
        }
        var auth = (JsonObject)body.DeepClone();
        auth["id"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        auth["smartlockId"] = smartlockId;
        Nuki.GetOrAdd(smartlockId, _ => new())[auth["id"]!.GetValue<string>()] = auth;
        return Results.NoContent();
    }

    private IResult List(long smartlockId, HttpRequest r) =>
        !Authorised(r) ? Results.Unauthorized() : Results.Json(AuthsOf(smartlockId));

    private IResult Delete(long smartlockId, string authId, HttpRequest r)
    {
        if (!Authorised(r))
        {
            return Results.Unauthorized();
        }
        return Nuki.TryGetValue(smartlockId, out var auths) && auths.TryRemove(authId, out _) ? Results.NoContent() : Results.NotFound();
    }

    private async Task<IResult> HookAsync(string receiver, HttpRequest r, TimeProvider clock)
    {
        using var buffer = new MemoryStream();
        await r.Body.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        var signed = WebhookSignature.Verify(HookSecret, r.Headers[WebhookSignature.Header].FirstOrDefault(), bytes, clock.GetUtcNow());
        Hooks.Enqueue((receiver, (JsonObject)JsonNode.Parse(bytes)!, signed, r.Headers["Cotravail-Delivery"].FirstOrDefault()));
        return signed ? Results.Ok() : Results.Unauthorized();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>JSON of the fake's authorizations, read back.</summary>
internal static class NukiJson
{
    public static string Text(this JsonObject auth, string name) => auth[name]?.ToString() ?? "";

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
