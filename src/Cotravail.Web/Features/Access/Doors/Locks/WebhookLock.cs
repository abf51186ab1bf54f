using System.Globalization;
using System.Text.Json;
using Cotravail.Web.Common.Signing;

namespace Cotravail.Web.Features.Access.Doors.Locks;

/// <summary>
/// Any access system that takes JSON at an address: each grant and each withdrawal is one <c>POST</c> of
/// <c>{"type":"door.grant"|"door.withdraw","grantId","siteId","kind","code","validFrom","validUntil"}</c> (instants in
/// UTC, ISO 8601), signed with the site's secret in the <c>Cotravail-Signature</c> header (<see cref="WebhookSignature"/>)
/// and carrying <c>Cotravail-Delivery</c> (« door-42-grant »), the same on every try, so the receiver may drop a repeat.
/// Any 2xx is taken as done; anything else, a timeout or no answer is tried again later.
/// </summary>
public sealed partial class WebhookLock(HttpClient http, TimeProvider clock, ILogger<WebhookLock> log) : IDoorLock
{
    public const string DeliveryHeader = "Cotravail-Delivery";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public LockKind Kind => LockKind.Webhook;

    public Task<LockAnswer> GrantAsync(LockTarget target, DoorGrant grant, CancellationToken ct) => PostAsync(target, grant, "door.grant", ct);

    public Task<LockAnswer> WithdrawAsync(LockTarget target, DoorGrant grant, CancellationToken ct) => PostAsync(target, grant, "door.withdraw", ct);

    private async Task<LockAnswer> PostAsync(LockTarget target, DoorGrant grant, string type, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(grant);
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            type,
            grantId = grant.Id,
            siteId = grant.SiteId,
            kind = grant.Kind switch { GrantKind.Booking => "booking", GrantKind.Entitlement => "subscription", _ => "daily" },
            code = grant.Code,
            validFrom = DateTime.SpecifyKind(grant.FromUtc, DateTimeKind.Utc),
            validUntil = DateTime.SpecifyKind(grant.UntilUtc, DateTimeKind.Utc),
        }, Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target.Url, UriKind.Absolute))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Create(target.Secret, clock.GetUtcNow(), body));
        var delivery = string.Create(CultureInfo.InvariantCulture, $"door-{grant.Id}-{(type == "door.grant" ? "grant" : "withdraw")}");
        request.Headers.Add(DeliveryHeader, delivery);
        try
        {
            using var response = await http.SendAsync(request, ct);
            return response.IsSuccessStatusCode ? new LockAnswer(true, delivery) : LockAnswer.Failed(NukiLock.Status(response.StatusCode));
        }
        catch (Exception e) when (NukiLock.IsAway(e, ct))
        {
            LogAway(log, e, target.SiteId);
            return LockAnswer.Failed(NukiLock.Away(e));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The door webhook of site {SiteId} could not be reached; it will be sent again.")]
    private static partial void LogAway(ILogger logger, Exception e, int siteId);
}
