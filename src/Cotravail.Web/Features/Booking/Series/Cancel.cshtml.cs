using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Booking.Series;

/// <summary>Cancels every occurrence of one of my series that has not started, after a confirmation screen.</summary>
[Authorize]
public sealed class CancelModel(AppDbContext db, SeriesCommands series, TimeProvider clock) : LocalizedPage
{
    public BookingSeries Series { get; private set; } = null!;
    public IReadOnlyList<Booking> Upcoming { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var found = await db.BookingSeries.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.UserId == UserId, ct);
        if (found is null)
        {
            return NotFound();
        }
        Series = found;
        var now = clock.GetUtcNow().UtcDateTime;
        Upcoming = await db.Bookings.AsNoTracking().Include(b => b.Site).Include(b => b.Resource)
            .Where(b => b.SeriesId == id && b.Status == BookingStatus.Confirmed && b.StartUtc > now)
            .OrderBy(b => b.StartUtc).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var result = await series.CancelAsync(id, UserId, ct);
        if (result is not { } r)
        {
            return NotFound();
        }
        Notice = r.Late == 0
            ? T.Plural(r.Cancelled, "{0} réservation de la série est annulée.", "{0} réservations de la série sont annulées.")
            : T.Plural(r.Cancelled, "{0} réservation de la série est annulée, après le délai d'annulation gratuite.", "{0} réservations de la série sont annulées, dont {1} après le délai d'annulation gratuite.", r.Late);
        return Redirect("/mes-reservations");
    }

    private string UserId => CurrentUser.RequiredId;
}
