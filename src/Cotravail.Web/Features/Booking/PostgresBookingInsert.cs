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
        var p = command.Parameters;
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
        p.Add(new NpgsqlParameter<DateTime[]> { TypedValue = [.. slots], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        booking.Id = (int)(await command.ExecuteScalarAsync(ct))!;
    }
}
