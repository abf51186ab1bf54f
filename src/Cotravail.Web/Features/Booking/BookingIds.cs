using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Booking;

/// <summary>
/// On PostgreSQL, booking ids taken from the table's own sequence fifty at a time and handed out by this instance, so
/// that a booking and its confirmation (whose calendar entry carries the id) are written together in one round trip
/// (ADR 0023). Ids stay unique across instances; they are not in the order bookings are made, and an instance that
/// stops leaves the rest of its block unused, as a booking that fails does.
/// </summary>
public sealed class BookingIds
{
    private readonly Lock gate = new();
    private readonly Queue<int> free = new();

    /// <summary>Drops the ids still held: the next one comes from the sequence again.</summary>
    public void Forget()
    {
        lock (gate)
        {
            free.Clear();
        }
    }

    public async ValueTask<int> NextAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        lock (gate)
        {
            if (free.TryDequeue(out var id))
            {
                return id;
            }
        }
        var block = await db.Database.SqlQueryRaw<int>(
            "SELECT nextval(pg_get_serial_sequence('\"Bookings\"', 'Id'))::integer AS \"Value\" FROM generate_series(1, 50)")
            .ToListAsync(ct);
        lock (gate)
        {
            foreach (var id in block.Skip(1))
            {
                free.Enqueue(id);
            }
        }
        return block[0];
    }
}
