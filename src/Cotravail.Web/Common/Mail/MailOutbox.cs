using System.Text.Json;
using System.Text.Json.Serialization;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Common.Mail;

/// <summary>
/// Cotravail's way of sending an e-mail: the message is written to the outbox table, in the caller's transaction when
/// there is one (a mail of work that is undone is never sent), and <see cref="MailDispatcher"/> sends it. The caller
/// waits for one insert, not for an SMTP server, and a server that is away loses nothing.
/// </summary>
public sealed class MailOutbox(AppDbContext db, TimeProvider clock, MailSignal signal) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (mail.To.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase))
        {
            return; // a stand-in address (reserved top-level domain, RFC 2606): a person without one, or anonymised
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var payload = JsonSerializer.Serialize(mail, MailJson.Default.OutgoingMail);
        // Raw SQL rather than Add + SaveChanges: the caller's pending changes are theirs to save.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "OutboxMails" ("To", "Payload", "CreatedAtUtc", "DueAtUtc", "Attempts") VALUES ({mail.To}, {payload}, {now}, {now}, 0)
            """, ct);
        signal.Poke();
    }

    public async Task<bool> SendToAccountAsync(string userId, OutgoingMail mail, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var now = clock.GetUtcNow().UtcDateTime;
        var payload = JsonSerializer.Serialize(mail with { To = "" }, MailJson.Default.OutgoingMail);
        // The address is read by the insert itself: one statement instead of a query and an insert.
        var rows = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "OutboxMails" ("To", "Payload", "CreatedAtUtc", "DueAtUtc", "Attempts")
            SELECT u."Email", {payload}, {now}, {now}, 0 FROM "AspNetUsers" AS u WHERE u."Id" = {userId} AND u."Email" IS NOT NULL
            """, ct);
        if (rows > 0)
        {
            signal.Poke();
        }
        return rows > 0;
    }

    /// <summary>
    /// On PostgreSQL, the same insert as <see cref="SendToAccountAsync"/> as a command of the caller's batch (one round
    /// trip with the work it confirms, and undone with it), written only when <paramref name="onlyIf"/> holds: SQL that
    /// sees the batch's earlier commands and uses parameters from $4 on (<paramref name="onlyIfParameters"/>). The caller
    /// wakes the dispatcher (<see cref="MailSignal"/>) once the batch is done.
    /// </summary>
    public static Npgsql.NpgsqlBatchCommand PostgresAccountMail(
        string userId, OutgoingMail mail, DateTime nowUtc, string onlyIf, params Npgsql.NpgsqlParameter[] onlyIfParameters)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var command = new Npgsql.NpgsqlBatchCommand($"""
            INSERT INTO "OutboxMails" ("To", "Payload", "CreatedAtUtc", "DueAtUtc", "Attempts")
            SELECT u."Email", $2, $3, $3, 0 FROM "AspNetUsers" AS u WHERE u."Id" = $1 AND u."Email" IS NOT NULL AND ({onlyIf})
            """);
        command.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = userId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = JsonSerializer.Serialize(mail with { To = "" }, MailJson.Default.OutgoingMail), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new Npgsql.NpgsqlParameter<DateTime> { TypedValue = nowUtc, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.AddRange(onlyIfParameters);
        return command;
    }

    /// <summary>The mail of an outbox row, addressed to the row's recipient; null when the stored text cannot be read.</summary>
    public static OutgoingMail? Read(OutboxMail row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Read(row.Payload) is { } mail ? mail with { To = row.To } : null;
    }

    private static OutgoingMail? Read(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize(payload, MailJson.Default.OutgoingMail);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSerializable(typeof(OutgoingMail))]
internal sealed partial class MailJson : JsonSerializerContext;

/// <summary>Wakes the dispatcher of this instance when a mail is written, so that it goes out at once.</summary>
public sealed class MailSignal
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
