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
    private const string Sql = """
        WITH b AS (
            INSERT INTO "Bookings" ("SiteId", "ResourceId", "UserId", "Date", "Period", "LocalStart", "LocalEnd", "StartUtc", "EndUtc", "Status", "PriceCents", "SeriesId", "CreatedAtUtc")
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            RETURNING "Id"
        ), h AS (
            INSERT INTO "BookedHalves" ("ResourceId", "Date", "Half", "UserId", "BookingId")
            SELECT $2, $4, half, $3, b."Id" FROM b, unnest($14::integer[]) AS half
        ), s AS (
            INSERT INTO "BookedSlots" ("ResourceId", "StartUtc", "BookingId")
            SELECT $2, slot, b."Id" FROM b, unnest($15::timestamp with time zone[]) AS slot
        )
        SELECT "Id" FROM b
        """;

    /// <summary>Inserts <paramref name="booking"/> with its guard rows, inside the caller's transaction, and sets its id.</summary>
    public static async Task InsertAsync(AppDbContext db, Booking booking, IReadOnlyList<HalfDay> halves, IReadOnlyList<DateTime> slots, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException("A booking is written inside the caller's transaction.");
        await using var command = new NpgsqlCommand(Sql, connection, transaction);
        AddBooking(command.Parameters, booking, halves);
        command.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = [.. slots], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        booking.Id = (int)(await command.ExecuteScalarAsync(ct))!;
    }

    // Whether the member has nothing to take ($3 the member, $19 the network, $4 the day; only a desk pool, $20, can be
    // covered), then the counter, the booking (with the id it was given), its half-days and the member's belonging to the
    // network (ADR 0025), in one statement: no booking
    // when the member has a day or a category to use, or when the counter is at capacity for one of its half-days. The
    // answer says which.
    private const string DeskSqlFormat = """
        WITH plain AS (
            SELECT (NOT $20 OR ({nothing-to-take})) AS yes
        ), desk AS (
            INSERT INTO "DeskDays" AS d ("ResourceId", "Date", "Morning", "Afternoon") SELECT $2, $4, $15, $16 FROM plain WHERE plain.yes
            ON CONFLICT ("ResourceId", "Date") DO UPDATE SET "Morning" = d."Morning" + $15, "Afternoon" = d."Afternoon" + $16
            WHERE ($15 = 0 OR d."Morning" < $17) AND ($16 = 0 OR d."Afternoon" < $17)
            RETURNING 1
        ), b AS (
            INSERT INTO "Bookings" ("Id", "SiteId", "ResourceId", "UserId", "Date", "Period", "LocalStart", "LocalEnd", "StartUtc", "EndUtc", "Status", "PriceCents", "SeriesId", "CreatedAtUtc")
            SELECT $18, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13 FROM desk
            RETURNING "Id"
        ), h AS (
            INSERT INTO "BookedHalves" ("ResourceId", "Date", "Half", "UserId", "BookingId")
            SELECT $2, $4, half, $3, b."Id" FROM b, unnest($14::integer[]) AS half
        ), m AS (
            INSERT INTO "NetworkMembers" ("UserId", "NetworkId", "SinceUtc") SELECT $3, $19, $13 FROM b
            ON CONFLICT DO NOTHING
        )
        SELECT (SELECT "Id" FROM b), (SELECT yes FROM plain)
        """;

    private static string? _deskSql;

    /// <summary>The desk statement with billing's condition that the member has nothing to take (<see cref="IBookingCover"/>).</summary>
    private static string DeskSql(IBookingCover cover) =>
        _deskSql ??= DeskSqlFormat.Replace("{nothing-to-take}", cover.PostgresNothingToTake("$3", "$19", "$4"), StringComparison.Ordinal);

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
        Func<string, NpgsqlParameter, NpgsqlBatchCommand> mail)
    {
        var ct = CancellationToken.None;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
            var write = new NpgsqlBatchCommand(DeskSql(cover));
            AddBooking(write.Parameters, booking, halves);
            write.Parameters.Add(new NpgsqlParameter<int> { TypedValue = halves.Contains(HalfDay.Morning) ? 1 : 0 });
            write.Parameters.Add(new NpgsqlParameter<int> { TypedValue = halves.Contains(HalfDay.Afternoon) ? 1 : 0 });
            write.Parameters.Add(new NpgsqlParameter<int> { TypedValue = capacity });
            write.Parameters.Add(new NpgsqlParameter<int> { TypedValue = booking.Id });
            write.Parameters.Add(new NpgsqlParameter<int> { TypedValue = networkId });
            write.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = coverable });
            batch.BatchCommands.Add(write);
            // This very booking: its id, its member ($1) and its creation time ($3, the mail's).
            batch.BatchCommands.Add(mail("EXISTS (SELECT 1 FROM \"Bookings\" WHERE \"Id\" = $4 AND \"UserId\" = $1 AND \"CreatedAtUtc\" = $3)",
                new NpgsqlParameter<int> { TypedValue = booking.Id }));
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

    private static void AddBooking(NpgsqlParameterCollection p, Booking booking, IReadOnlyList<HalfDay> halves)
    {
        p.Add(new NpgsqlParameter<int> { TypedValue = booking.SiteId });
        p.Add(new NpgsqlParameter<int> { TypedValue = booking.ResourceId });
        p.Add(new NpgsqlParameter<string> { TypedValue = booking.UserId, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter<DateOnly> { TypedValue = booking.Date });
        p.Add(new NpgsqlParameter { Value = booking.Period is { } period ? (int)period : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        p.Add(new NpgsqlParameter<TimeOnly> { TypedValue = booking.LocalStart });
        p.Add(new NpgsqlParameter<TimeOnly> { TypedValue = booking.LocalEnd });
        p.Add(new NpgsqlParameter<DateTime> { TypedValue = booking.StartUtc, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        p.Add(new NpgsqlParameter<DateTime> { TypedValue = booking.EndUtc, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        p.Add(new NpgsqlParameter<int> { TypedValue = (int)booking.Status });
        p.Add(new NpgsqlParameter<int> { TypedValue = booking.PriceCents });
        p.Add(new NpgsqlParameter { Value = booking.SeriesId is { } series ? series : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        p.Add(new NpgsqlParameter<DateTime> { TypedValue = booking.CreatedAtUtc, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        p.Add(new NpgsqlParameter<int[]> { TypedValue = [.. halves.Select(h => (int)h)] });
    }
}
