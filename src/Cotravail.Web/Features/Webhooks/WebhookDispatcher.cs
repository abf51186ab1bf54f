using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Cotravail.Web.Common.Signing;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cotravail.Web.Features.Webhooks;

/// <summary>What one try of a delivery gave: the endpoint's status code, or why there was none.</summary>
public sealed record DeliveryTry(bool Delivered, int? StatusCode, string? Error);

/// <summary>
/// Sends the due webhook deliveries, a batch at a time, as the mail outbox does: a batch is claimed by one conditional
/// update, so that of several instances (or two runs) only one sends a delivery. Each is POSTed as JSON (<c>id</c>,
/// <c>type</c>, <c>createdAt</c>, <c>networkId</c>, <c>data</c>), signed (<see cref="WebhookSignature"/>), with its
/// delivery id in <c>Cotravail-Delivery</c>. A 2xx answer delivers it; any other answer, a timeout or a refused
/// connection makes it wait (30 seconds, then four times longer each time, at most 6 hours) and try again, until
/// <see cref="WebhookOptions.MaxAttempts"/> tries, after which it is marked failed. Receivers must accept a delivery
/// twice (a run killed after sending and before recording sends it again): the id says it is the same.
/// </summary>
public sealed partial class WebhookDispatcher(
    IServiceScopeFactory scopes, IHttpClientFactory http, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookDispatcher> logger)
{
    public const string HttpClientName = "webhooks";
    public const string DeliveryHeader = "Cotravail-Delivery";
    public const string EventHeader = "Cotravail-Event";
    public const int BatchSize = 50;
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _running = new(1, 1);

    public static TimeSpan WaitAfter(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(6 * 3600, 30 * Math.Pow(4, Math.Max(0, attempts - 1))));

    /// <summary>Sends every delivery due now, batch after batch (one run at a time in this process); returns how many were delivered.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        await _running.WaitAsync(ct);
        try
        {
            var delivered = 0;
            while (true)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var now = clock.GetUtcNow().UtcDateTime;
                var run = Guid.NewGuid();
                var due = db.Set<WebhookDelivery>()
                    .Where(d => d.State == DeliveryState.Pending && d.DueAtUtc <= now && (d.ClaimedUntilUtc == null || d.ClaimedUntilUtc < now)
                        && db.Set<WebhookEndpoint>().Any(e => e.Id == d.EndpointId && e.Enabled))
                    .OrderBy(d => d.DueAtUtc).ThenBy(d => d.Id).Take(BatchSize).Select(d => d.Id);
                var batch = await ClaimAsync(db, run, due, now, ct);
                delivered += await SendAsync(db, scope.ServiceProvider.GetRequiredService<WebhookSecrets>(), run, batch, retry: true, ct);
                if (batch.Count < BatchSize || ct.IsCancellationRequested)
                {
                    return delivered;
                }
            }
        }
        finally
        {
            _running.Release();
        }
    }

    /// <summary>Sends one delivery now, once, without retries (the « test » button's ping); null when another run holds it.</summary>
    public async Task<DeliveryTry?> DeliverOnceAsync(long deliveryId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var run = Guid.NewGuid();
        var batch = await ClaimAsync(db, run, db.Set<WebhookDelivery>().Where(d => d.Id == deliveryId && d.State == DeliveryState.Pending).Select(d => d.Id), now, ct);
        if (batch.Count == 0)
        {
            return null;
        }
        await SendAsync(db, scope.ServiceProvider.GetRequiredService<WebhookSecrets>(), run, batch, retry: false, ct);
        var row = await db.Set<WebhookDelivery>().AsNoTracking().FirstAsync(d => d.Id == deliveryId, CancellationToken.None);
        return new DeliveryTry(row.State == DeliveryState.Delivered, row.LastStatusCode, row.LastError);
    }

    // The condition is checked again on each row as it is updated: a row another run has just claimed is skipped.
    private async Task<List<WebhookDelivery>> ClaimAsync(AppDbContext db, Guid run, IQueryable<long> ids, DateTime now, CancellationToken ct)
    {
        var until = now + ClaimFor;
        using (await WriteGate.EnterAsync(db, ct))
        {
            var claimed = await db.Set<WebhookDelivery>()
                .Where(d => ids.Contains(d.Id) && d.State == DeliveryState.Pending && (d.ClaimedUntilUtc == null || d.ClaimedUntilUtc < now))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedBy, run).SetProperty(d => d.ClaimedUntilUtc, until), ct);
            if (claimed == 0)
            {
                return [];
            }
        }
        return await db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.ClaimedBy == run).OrderBy(d => d.Id).ToListAsync(ct);
    }

    // Once claimed, what happened is recorded even when the application is stopping (CancellationToken.None), and only
    // on rows this run still holds; a delivery not tried because of the stop is given back.
    private async Task<int> SendAsync(AppDbContext db, WebhookSecrets secrets, Guid run, List<WebhookDelivery> batch, bool retry, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return 0;
        }
        var endpointIds = batch.Select(d => d.EndpointId).Distinct().ToList();
        var endpoints = await db.Set<WebhookEndpoint>().AsNoTracking().Where(e => endpointIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var results = new (WebhookDelivery Row, DeliveryTry? Try)[batch.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, batch.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = CancellationToken.None },
            async (i, _) => results[i] = (batch[i], ct.IsCancellationRequested ? null : await TryAsync(batch[i], endpoints[batch[i].EndpointId], secrets, ct)));
        var delivered = 0;
        var max = options.Value.MaxAttempts;
        using var gate = await WriteGate.EnterAsync(db, CancellationToken.None);
        foreach (var (row, result) in results)
        {
            var mine = db.Set<WebhookDelivery>().Where(d => d.Id == row.Id && d.ClaimedBy == run);
            if (result is null)
            {
                await mine.ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedBy, (Guid?)null).SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
                continue;
            }
            var attempts = row.Attempts + 1;
            var now = clock.GetUtcNow().UtcDateTime;
            var state = result.Delivered ? DeliveryState.Delivered : !retry || attempts >= max ? DeliveryState.Failed : DeliveryState.Pending;
            var next = state == DeliveryState.Pending ? now + WaitAfter(attempts) : row.DueAtUtc;
            if (result.Delivered)
            {
                delivered++;
            }
            else if (state == DeliveryState.Failed)
            {
                LogGivenUp(logger, row.Id, row.EndpointId, attempts, result.StatusCode, result.Error);
            }
            else
            {
                LogRetry(logger, row.Id, row.EndpointId, attempts, result.StatusCode, result.Error, next);
            }
            await mine.ExecuteUpdateAsync(s => s
                .SetProperty(d => d.State, state).SetProperty(d => d.Attempts, attempts).SetProperty(d => d.DueAtUtc, next)
                .SetProperty(d => d.LastStatusCode, result.StatusCode).SetProperty(d => d.LastError, result.Error).SetProperty(d => d.LastAttemptAtUtc, now)
                .SetProperty(d => d.ClaimedBy, (Guid?)null).SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
        }
        return delivered;
    }

    private async Task<DeliveryTry> TryAsync(WebhookDelivery row, WebhookEndpoint endpoint, WebhookSecrets secrets, CancellationToken ct)
    {
        var body = Body(row, endpoint.NetworkId);
        string secret;
        try
        {
            secret = secrets.Unprotect(endpoint.SecretProtected);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return new DeliveryTry(false, null, "Secret illisible (clés de protection des données perdues) : recréez le point d'envoi");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Create(secret, clock.GetUtcNow(), body));
        request.Headers.Add(DeliveryHeader, row.Id.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(EventHeader, row.Type);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Cotravail-Webhooks", "1.0"));
        try
        {
            using var client = http.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? new DeliveryTry(true, code, null) : new DeliveryTry(false, code, $"HTTP {code.ToString(CultureInfo.InvariantCulture)}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new DeliveryTry(false, null, $"Pas de réponse en {options.Value.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
        catch (HttpRequestException e)
        {
            var message = e.Message.Length > 250 ? e.Message[..250] : e.Message;
            return new DeliveryTry(false, null, $"Connexion impossible : {message}");
        }
    }

    /// <summary>The JSON body of a delivery: the envelope around the happening's data (stored as written).</summary>
    public static byte[] Body(WebhookDelivery row, int networkId)
    {
        ArgumentNullException.ThrowIfNull(row);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("id", row.EventId);
            json.WriteString("type", row.Type);
            json.WriteString("createdAt", DateTime.SpecifyKind(row.CreatedAtUtc, DateTimeKind.Utc));
            json.WriteNumber("networkId", networkId);
            json.WritePropertyName("data");
            json.WriteRawValue(row.Data);
            json.WriteEndObject();
        }
        return stream.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {Id} to endpoint {EndpointId} not delivered (try {Attempts}: {Status} {Error}); next try at {Next:u}.")]
    private static partial void LogRetry(ILogger logger, long id, int endpointId, int attempts, int? status, string? error, DateTime next);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {Id} to endpoint {EndpointId} failed after {Attempts} tries ({Status} {Error}).")]
    private static partial void LogGivenUp(ILogger logger, long id, int endpointId, int attempts, int? status, string? error);
}

/// <summary>Runs the dispatcher when deliveries are written in this instance, and every 10 seconds for the others' and the retries.</summary>
internal sealed partial class WebhookDispatchWorker(WebhookDispatcher dispatcher, WebhookSignal signal, TimeProvider clock, ILogger<WebhookDispatchWorker> logger)
    : BackgroundService
{
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(Poll, clock, stoppingToken);
                await dispatcher.DeliverDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the database may be away for a moment: the next run tries again
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogRunFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A run of the webhook dispatcher failed; the next one will try again.")]
    private static partial void LogRunFailed(ILogger logger, Exception e);
}
