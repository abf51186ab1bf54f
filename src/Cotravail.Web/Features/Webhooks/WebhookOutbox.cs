using System.Text.Json;
using Cotravail.Web.Common.Happenings;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Cotravail.Web.Features.Webhooks;

/// <summary>
/// The webhooks' side of <see cref="IHappenings"/>: one statement writes a delivery row for each enabled endpoint of the
/// happening's network that subscribed to its kind, in the caller's transaction (raw SQL, so that the caller's pending
/// changes stay theirs to save). No endpoint, no row: a network without webhooks pays one cheap statement.
/// </summary>
public sealed class WebhookOutbox(AppDbContext db, TimeProvider clock, WebhookSignal signal) : IHappenings
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string DataOf(Happening happening)
    {
        ArgumentNullException.ThrowIfNull(happening);
        return JsonSerializer.Serialize(happening, happening.GetType(), Json);
    }

    public async Task RecordAsync(Happening happening, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(happening);
        var now = clock.GetUtcNow().UtcDateTime;
        var eventId = Guid.NewGuid().ToString();
        var type = Happening.TypeOf(happening.Kind);
        var data = DataOf(happening);
        var kind = (int)happening.Kind;
        var place = happening.Place;
        var rows = place switch
        {
            { NetworkId: { } network } => await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "WebhookDeliveries" ("EndpointId", "EventId", "Type", "Data", "CreatedAtUtc", "DueAtUtc", "Attempts", "State")
                SELECT e."Id", {eventId}, {type}, {data}, {now}, {now}, 0, 0 FROM "WebhookEndpoints" AS e
                WHERE e."NetworkId" = {network} AND e."Enabled" AND (e."Events" & {kind}) <> 0
                """, ct),
            { SiteId: { } site } => await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "WebhookDeliveries" ("EndpointId", "EventId", "Type", "Data", "CreatedAtUtc", "DueAtUtc", "Attempts", "State")
                SELECT e."Id", {eventId}, {type}, {data}, {now}, {now}, 0, 0 FROM "WebhookEndpoints" AS e
                WHERE e."NetworkId" = (SELECT s."NetworkId" FROM "Sites" AS s WHERE s."Id" = {site}) AND e."Enabled" AND (e."Events" & {kind}) <> 0
                """, ct),
            { EventId: { } ev } => await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "WebhookDeliveries" ("EndpointId", "EventId", "Type", "Data", "CreatedAtUtc", "DueAtUtc", "Attempts", "State")
                SELECT e."Id", {eventId}, {type}, {data}, {now}, {now}, 0, 0 FROM "WebhookEndpoints" AS e
                WHERE e."NetworkId" = (SELECT s."NetworkId" FROM "Events" AS v JOIN "Sites" AS s ON s."Id" = v."SiteId" WHERE v."Id" = {ev})
                AND e."Enabled" AND (e."Events" & {kind}) <> 0
                """, ct),
            _ => throw new ArgumentException("A happening belongs to a network, a site or an event.", nameof(happening)),
        };
        if (rows > 0)
        {
            signal.Poke();
        }
    }

    public NpgsqlBatchCommand PostgresCommand(Happening happening, string onlyIf, NpgsqlParameter onlyIfParameter)
    {
        ArgumentNullException.ThrowIfNull(happening);
        var place = happening.Place;
        var (network, parameter) = place switch
        {
            { NetworkId: { } n } => ("$2", n),
            { SiteId: { } s } => ("(SELECT s.\"NetworkId\" FROM \"Sites\" AS s WHERE s.\"Id\" = $2)", s),
            _ => throw new ArgumentException("A happening in a batch belongs to a network or a site.", nameof(happening)),
        };
        var command = new NpgsqlBatchCommand($"""
            INSERT INTO "WebhookDeliveries" ("EndpointId", "EventId", "Type", "Data", "CreatedAtUtc", "DueAtUtc", "Attempts", "State")
            SELECT e."Id", $3, $4, $5, $6, $6, 0, 0 FROM "WebhookEndpoints" AS e
            WHERE e."NetworkId" = {network} AND e."Enabled" AND (e."Events" & $7) <> 0 AND ({onlyIf})
            """);
        command.Parameters.Add(onlyIfParameter);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = parameter });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Guid.NewGuid().ToString(), NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Happening.TypeOf(happening.Kind), NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = DataOf(happening), NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = clock.GetUtcNow().UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)happening.Kind });
        return command;
    }
}

/// <summary>Wakes the dispatcher of this instance when deliveries are written, so that they go out at once.</summary>
public sealed class WebhookSignal
{
    private readonly System.Threading.Channels.Channel<bool> _pokes =
        System.Threading.Channels.Channel.CreateBounded<bool>(new System.Threading.Channels.BoundedChannelOptions(1)
        {
            FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite,
        });

    public void Poke() => _pokes.Writer.TryWrite(true);

    /// <summary>Returns at the next poke, or when <paramref name="timeout"/> has passed on <paramref name="clock"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        using var timer = new CancellationTokenSource(timeout, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        try
        {
            await _pokes.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // the poll interval has passed
        }
    }
}
