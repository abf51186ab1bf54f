using Cotravail.Web.Common.PersonalData;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Booking;

/// <summary>
/// A member's bookings, series and calendar feed. On deletion, bookings still to come are cancelled through the usual
/// rules (places freed; a late cancellation stays one); past bookings stay, attached to the anonymous account, so that
/// attendance and occupancy stay right; the calendar feed is deleted.
/// </summary>
internal sealed class BookingPersonalData(AppDbContext db, BookingCommands commands, TimeProvider clock) : IPersonalData
{
    public async Task<IReadOnlyList<PersonalDataSet>> ExportAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        var bookings = await db.Bookings.AsNoTracking().Where(b => b.UserId == subject.UserId)
            .OrderBy(b => b.StartUtc).ThenBy(b => b.Id)
            .Select(b => new BookingRow(b.Id, b.Site!.Name, b.Resource!.Name, b.Date, b.Period, b.LocalStart, b.LocalEnd,
                b.Status, b.PriceCents / 100m, b.SeriesId, b.CreatedAtUtc, b.CancelledAtUtc))
            .ToListAsync(ct);
        var series = await db.BookingSeries.AsNoTracking().Where(s => s.UserId == subject.UserId).OrderBy(s => s.Id)
            .Select(s => new SeriesRow(s.Id, s.ResourceId, s.Description, s.CreatedAtUtc)).ToListAsync(ct);
        var feeds = await db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == subject.UserId).ToListAsync(ct);
        return
        [
            PersonalDataSet.Of("reservations", "Réservations", bookings),
            PersonalDataSet.Of("series", "Réservations récurrentes", series),
            PersonalDataSet.Of("calendrier", "Flux d'agenda privé", feeds.Select(f => new FeedRow(Mask(f.Token), f.CreatedAtUtc))),
        ];
    }

    public async Task AnonymiseAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var coming = await db.Bookings.AsNoTracking()
            .Where(b => b.UserId == subject.UserId && b.Status == BookingStatus.Confirmed && b.StartUtc > now)
            .Select(b => b.Id).ToListAsync(ct);
        foreach (var id in coming)
        {
            await commands.CancelAsync(id, subject.UserId, asStaff: false, ct);
        }
        await db.CalendarFeeds.Where(f => f.UserId == subject.UserId).ExecuteDeleteAsync(ct);
    }

    /// <summary>The secret address of the feed is not repeated in an export (a file sent around would open the agenda).</summary>
    private static string Mask(string token) => token.Length <= 4 ? "…" : token[..4] + "…";

    private sealed record BookingRow(int Id, string Espace, string Ressource, DateOnly Date, Period? Periode, TimeOnly Debut,
        TimeOnly Fin, BookingStatus Statut, decimal PrixEuros, int? SerieId, DateTime CreeeLeUtc, DateTime? AnnuleeLeUtc);

    private sealed record SeriesRow(int Id, int RessourceId, string Description, DateTime CreeeLeUtc);

    private sealed record FeedRow(string JetonMasque, DateTime CreeLeUtc);
}
