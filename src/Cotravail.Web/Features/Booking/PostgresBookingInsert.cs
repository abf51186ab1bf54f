using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Cotravail.Web.Features.Booking;

/// <summary>
/// On PostgreSQL, a booking and its guard rows (half-days or 30-minute slots) are written by one statement, in one round
/// trip and without change tracking (ADR 0021). A guard row's key taken by another booking fails the whole statement
/// with the same unique violation as <c>SaveChanges</c> would, naming the table. A booking is always made by the
/// member it belongs to, which the audit log does not record (<c>OnlyOthers</c>), so nothing is lost by going around it.
/// </summary>
internal static class PostgresBookingInsert
{
    /// <summary>What every booking is written with, in this order at the head of both statements.</summary>
    private static readonly BookingParameter[] BookingValues =
    [
        BookingParameter.SiteId, BookingParameter.ResourceId, BookingParameter.UserId, BookingParameter.Date, BookingParameter.Period,
        BookingParameter.LocalStart, BookingParameter.LocalEnd, BookingParameter.StartUtc, BookingParameter.EndUtc, BookingParameter.Status,
        BookingParameter.PriceCents, BookingParameter.SeriesId, BookingParameter.CreatedAtUtc, BookingParameter.Halves,
    ];

    internal static readonly BookingStatement Insert = new("""
        WITH b AS (
            INSERT INTO "Bookings" ("SiteId", "ResourceId", "UserId", "Date", "Period", "LocalStart", "LocalEnd", "StartUtc", "EndUtc", "Status", "PriceCents", "SeriesId", "CreatedAtUtc")
            VALUES ({SiteId}, {ResourceId}, {UserId}, {Date}, {Period}, {LocalStart}, {LocalEnd}, {StartUtc}, {EndUtc}, {Status}, {PriceCents}, {SeriesId}, {CreatedAtUtc})
            RETURNING "Id"
        ), h AS (
            INSERT INTO "BookedHalves" ("ResourceId", "Date", "Half", "UserId", "BookingId")
            SELECT {ResourceId}, {Date}, half, {UserId}, b."Id" FROM b, unnest({Halves}::integer[]) AS half
        ), s AS (
            INSERT INTO "BookedSlots" ("ResourceId", "StartUtc", "BookingId")
            SELECT {ResourceId}, slot, b."Id" FROM b, unnest({Slots}::timestamp with time zone[]) AS slot
        )
        SELECT "Id" FROM b
        """, [.. BookingValues, BookingParameter.Slots]);

    /// <summary>Inserts <paramref name="booking"/> with its guard rows, inside the caller's transaction, and sets its id.</summary>
    public static async Task InsertAsync(AppDbContext db, Booking booking, IReadOnlyList<HalfDay> halves, IReadOnlyList<DateTime> slots, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException("A booking is written inside the caller's transaction.");
        await using var command = new NpgsqlCommand(Insert.Sql, connection, transaction);
        Insert.AddParameters(command.Parameters, name => name == BookingParameter.Slots
            ? new NpgsqlParameter<DateTime[]> { TypedValue = [.. slots], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz }
            : Value(name, booking, halves));
        booking.Id = (int)(await command.ExecuteScalarAsync(ct))!;
    }

    // Whether the member has nothing to take (only a desk pool, Coverable, can be covered), then the counter, the
    // booking (with the id it was given), its half-days and the member's belonging to the network (ADR 0025), in one
    // statement: no booking when the member has a day or a category to use, or when the counter is at capacity for one
    // of its half-days. The answer says which.
    private const string DeskText = """
        WITH plain AS (
            SELECT (NOT {Coverable} OR ({nothing-to-take})) AS yes
        ), desk AS (
            INSERT INTO "DeskDays" AS d ("ResourceId", "Date", "Morning", "Afternoon") SELECT {ResourceId}, {Date}, {MorningTaken}, {AfternoonTaken} FROM plain WHERE plain.yes
            ON CONFLICT ("ResourceId", "Date") DO UPDATE SET "Morning" = d."Morning" + {MorningTaken}, "Afternoon" = d."Afternoon" + {AfternoonTaken}
            WHERE ({MorningTaken} = 0 OR d."Morning" < {Capacity}) AND ({AfternoonTaken} = 0 OR d."Afternoon" < {Capacity})
            RETURNING 1
        ), b AS (
            INSERT INTO "Bookings" ("Id", "SiteId", "ResourceId", "UserId", "Date", "Period", "LocalStart", "LocalEnd", "StartUtc", "EndUtc", "Status", "PriceCents", "SeriesId", "CreatedAtUtc")
            SELECT {BookingId}, {SiteId}, {ResourceId}, {UserId}, {Date}, {Period}, {LocalStart}, {LocalEnd}, {StartUtc}, {EndUtc}, {Status}, {PriceCents}, {SeriesId}, {CreatedAtUtc} FROM desk
            RETURNING "Id"
        ), h AS (
            INSERT INTO "BookedHalves" ("ResourceId", "Date", "Half", "UserId", "BookingId")
            SELECT {ResourceId}, {Date}, half, {UserId}, b."Id" FROM b, unnest({Halves}::integer[]) AS half
        ), m AS (
            INSERT INTO "NetworkMembers" ("UserId", "NetworkId", "SinceUtc") SELECT {UserId}, {NetworkId}, {CreatedAtUtc} FROM b
            ON CONFLICT DO NOTHING
        )
        SELECT (SELECT "Id" FROM b), (SELECT yes FROM plain)
        """;

    private static BookingStatement? _desk;

    /// <summary>The desk statement, with billing's condition that the member has nothing to take (<see cref="IBookingCover"/>).</summary>
    internal static BookingStatement Desk(IBookingCover cover) => _desk ??= new(
        DeskText.Replace("{nothing-to-take}", cover.PostgresNothingToTake("{UserId}", "{NetworkId}", "{Date}"), StringComparison.Ordinal),
        [.. BookingValues, BookingParameter.MorningTaken, BookingParameter.AfternoonTaken, BookingParameter.Capacity,
            BookingParameter.BookingId, BookingParameter.NetworkId, BookingParameter.Coverable]);

    /// <summary>What <see cref="BookDeskAsync"/> did.</summary>
    public enum DeskOutcome
    {
        Booked,
        /// <summary>The pool is full for one of the half-days: nothing written.</summary>
        Full,
        /// <summary>The member has a day or a category to use: nothing written; the booking goes the general way.</summary>
        HasCover,
    }

    /// <summary>
    /// A desk booking that has nothing to take but its place (ADR 0023, 0024): whether the member has nothing to take,
    /// the desk's counter, the booking with its half-days and its confirmation (<paramref name="mail"/>, written only
    /// if the booking is) in one batch, one round trip, without an explicit transaction: PostgreSQL runs a batch as
    /// one, all of it or none. A half-day the member already holds fails the batch with the guard rows' unique violation.
    /// </summary>
    /// <remarks>
    /// Not cancelled by the request: PostgreSQL keeps the batch once it has run it, and a client gone away in the
    /// meantime must not turn a kept booking into an error (an Idempotency-Key retry relies on the stored answer).
    /// </remarks>
    public static async Task<DeskOutcome> BookDeskAsync(
        AppDbContext db, Booking booking, IReadOnlyList<HalfDay> halves, int capacity, int networkId, bool coverable, IBookingCover cover,
        NpgsqlBatchCommand happened, Func<string, NpgsqlParameter, NpgsqlBatchCommand> mail)
    {
        var ct = CancellationToken.None;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
            var desk = Desk(cover);
            var write = new NpgsqlBatchCommand(desk.Sql);
            desk.AddParameters(write.Parameters, name => name switch
            {
                BookingParameter.MorningTaken => new NpgsqlParameter<int> { TypedValue = halves.Contains(HalfDay.Morning) ? 1 : 0 },
                BookingParameter.AfternoonTaken => new NpgsqlParameter<int> { TypedValue = halves.Contains(HalfDay.Afternoon) ? 1 : 0 },
                BookingParameter.Capacity => new NpgsqlParameter<int> { TypedValue = capacity },
                BookingParameter.BookingId => new NpgsqlParameter<int> { TypedValue = booking.Id },
                BookingParameter.NetworkId => new NpgsqlParameter<int> { TypedValue = networkId },
                BookingParameter.Coverable => new NpgsqlParameter<bool> { TypedValue = coverable },
                _ => Value(name, booking, halves),
            });
            batch.BatchCommands.Add(write);
            // This very booking: its id, and in the mail's own statement ($1…$3, MailOutbox.PostgresAccountMail), its
            // member ($1) and its creation time ($3).
            batch.BatchCommands.Add(mail("EXISTS (SELECT 1 FROM \"Bookings\" WHERE \"Id\" = $4 AND \"UserId\" = $1 AND \"CreatedAtUtc\" = $3)",
                new NpgsqlParameter<int> { TypedValue = booking.Id }));
            batch.BatchCommands.Add(happened); // the webhooks' deliveries of this booking, written only if it is (Common.Happenings)
            await using var reader = await batch.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            var outcome = !reader.IsDBNull(0) ? DeskOutcome.Booked : reader.GetBoolean(1) ? DeskOutcome.Full : DeskOutcome.HasCover;
            // Read to the end: an error of the mail's insert surfaces here, and undoes the booking with it.
            while (await reader.NextResultAsync(ct))
            {
            }
            return outcome;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The value of one of the booking's own parameters.</summary>
    private static NpgsqlParameter Value(BookingParameter name, Booking booking, IReadOnlyList<HalfDay> halves) => name switch
    {
        BookingParameter.SiteId => new NpgsqlParameter<int> { TypedValue = booking.SiteId },
        BookingParameter.ResourceId => new NpgsqlParameter<int> { TypedValue = booking.ResourceId },
        BookingParameter.UserId => new NpgsqlParameter<string> { TypedValue = booking.UserId, NpgsqlDbType = NpgsqlDbType.Text },
        BookingParameter.Date => new NpgsqlParameter<DateOnly> { TypedValue = booking.Date },
        BookingParameter.Period => new NpgsqlParameter { Value = booking.Period is { } period ? (int)period : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer },
        BookingParameter.LocalStart => new NpgsqlParameter<TimeOnly> { TypedValue = booking.LocalStart },
        BookingParameter.LocalEnd => new NpgsqlParameter<TimeOnly> { TypedValue = booking.LocalEnd },
        BookingParameter.StartUtc => new NpgsqlParameter<DateTime> { TypedValue = booking.StartUtc, NpgsqlDbType = NpgsqlDbType.TimestampTz },
        BookingParameter.EndUtc => new NpgsqlParameter<DateTime> { TypedValue = booking.EndUtc, NpgsqlDbType = NpgsqlDbType.TimestampTz },
        BookingParameter.Status => new NpgsqlParameter<int> { TypedValue = (int)booking.Status },
        BookingParameter.PriceCents => new NpgsqlParameter<int> { TypedValue = booking.PriceCents },
        BookingParameter.SeriesId => new NpgsqlParameter { Value = booking.SeriesId is { } series ? series : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer },
        BookingParameter.CreatedAtUtc => new NpgsqlParameter<DateTime> { TypedValue = booking.CreatedAtUtc, NpgsqlDbType = NpgsqlDbType.TimestampTz },
        BookingParameter.Halves => new NpgsqlParameter<int[]> { TypedValue = [.. halves.Select(h => (int)h)] },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a value of the booking itself."),
    };
}
