using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cotravail.Web.Features.Access.Doors.Locks;

/// <summary>
/// A Nuki smart lock with its keypad, through the Nuki Web API (https://api.nuki.io, bearer API token):
/// <c>PUT /smartlock/{smartlockId}/auth</c> creates a keypad code (type 13, a name of at most 20 characters, the code as
/// a number of six digits 1–9 not starting with 12, <c>allowedFromDate</c>/<c>allowedUntilDate</c> in UTC);
/// <c>GET /smartlock/{smartlockId}/auth</c> lists the authorizations (with their <c>id</c>, <c>name</c>, <c>code</c>);
/// <c>DELETE /smartlock/{smartlockId}/auth/{id}</c> removes one. Nuki creates authorizations asynchronously and answers
/// without their id, so a grant is known by its name (« Cotravail 42 ») and found again by it: a second creation after a
/// timeout finds the first instead of adding a twin, and a withdrawal looks the id up first.
/// </summary>
public sealed partial class NukiLock(HttpClient http, ILogger<NukiLock> log) : IDoorLock
{
    /// <summary>Nuki's type of authorization for a keypad code.</summary>
    public const int KeypadCodeType = 13;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public LockKind Kind => LockKind.Nuki;

    /// <summary>The name of a grant on the lock (Nuki allows 20 characters).</summary>
    public static string NameOf(DoorGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return string.Create(CultureInfo.InvariantCulture, $"Cotravail {grant.Id}");
    }

    public async Task<LockAnswer> GrantAsync(LockTarget target, DoorGrant grant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(grant);
        var name = NameOf(grant);
        if (grant.Attempts > 0 || grant.LockReference is not null)
        {
            // An earlier try may have reached the lock before its answer was lost.
            var (listed, error) = await ListAsync(target, ct);
            if (error is not null)
            {
                return LockAnswer.Failed(error);
            }
            if (listed!.FirstOrDefault(a => a.Name == name) is { } existing)
            {
                return new LockAnswer(true, ReferenceOf(existing));
            }
        }
        var body = new NukiAuthCreate(name, KeypadCodeType, int.Parse(grant.Code, CultureInfo.InvariantCulture),
            Iso(grant.FromUtc), Iso(grant.UntilUtc), AllowedWeekDays: 127, AllowedFromTime: 0, AllowedUntilTime: 0, RemoteAllowed: false);
        using var request = Request(HttpMethod.Put, target, $"/smartlock/{target.SmartlockId}/auth");
        request.Content = JsonContent.Create(body, options: Json);
        var answer = await SendAsync(request, target.SiteId, ct);
        return answer.Done ? new LockAnswer(true, name) : answer;
    }

    public async Task<LockAnswer> WithdrawAsync(LockTarget target, DoorGrant grant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(grant);
        var name = NameOf(grant);
        var (listed, error) = await ListAsync(target, ct);
        if (error is not null)
        {
            return LockAnswer.Failed(error);
        }
        var auth = listed!.FirstOrDefault(a => a.Name == name);
        if (auth is null)
        {
            return new LockAnswer(true, grant.LockReference);
        }
        using var request = Request(HttpMethod.Delete, target, $"/smartlock/{target.SmartlockId}/auth/{auth.Id}");
        var answer = await SendAsync(request, target.SiteId, ct);
        return answer.Done ? new LockAnswer(true, ReferenceOf(auth)) : answer;
    }

    private async Task<(IReadOnlyList<NukiAuth>? Auths, string? Error)> ListAsync(LockTarget target, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, target, $"/smartlock/{target.SmartlockId}/auth");
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                return (null, Status(response.StatusCode));
            }
            var auths = await response.Content.ReadFromJsonAsync<List<NukiAuth>>(Json, ct);
            return (auths ?? [], null);
        }
        catch (Exception e) when (IsAway(e, ct))
        {
            LogAway(log, e, target.SiteId);
            return (null, Away(e));
        }
    }

    private async Task<LockAnswer> SendAsync(HttpRequestMessage request, int siteId, CancellationToken ct)
    {
        try
        {
            using var response = await http.SendAsync(request, ct);
            return response.IsSuccessStatusCode ? new LockAnswer(true) : LockAnswer.Failed(Status(response.StatusCode));
        }
        catch (Exception e) when (IsAway(e, ct))
        {
            LogAway(log, e, siteId);
            return LockAnswer.Failed(Away(e));
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, LockTarget target, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(target.Url.TrimEnd('/') + path, UriKind.Absolute));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.Secret);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private static string ReferenceOf(NukiAuth auth) => $"{auth.Name} ({auth.Id})";

    private static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    internal static bool IsAway(Exception e, CancellationToken ct) =>
        e is HttpRequestException or JsonException or NotSupportedException || (e is TaskCanceledException && !ct.IsCancellationRequested);

    internal static string Away(Exception e) => e is TaskCanceledException ? "délai dépassé" : "injoignable : " + e.Message;

    internal static string Status(HttpStatusCode status) => string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)status}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Nuki lock of site {SiteId} could not be reached; the grant will be sent again.")]
    private static partial void LogAway(ILogger logger, Exception e, int siteId);

    private sealed record NukiAuthCreate(string Name, int Type, int Code, string AllowedFromDate, string AllowedUntilDate,
        int AllowedWeekDays, int AllowedFromTime, int AllowedUntilTime, bool RemoteAllowed);

    private sealed record NukiAuth(string Id, string? Name, int Type);
}
