using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Booking.Mine;

/// <summary>« Mes réservations »: the signed-in person's upcoming bookings, then the past and cancelled ones.</summary>
public sealed class MineModel(AppDbContext db, TimeProvider clock) : LocalizedPage
{
    public const int Shown = 300;

    /// <summary>The booking just made (set by the booking page): its « Ajouter à mon agenda » comes under the notice.</summary>
    public const string BookedKey = "Booked";

    [TempData]
    public string? Notice { get; set; }

    [TempData(Key = BookedKey)]
    public int? BookedId { get; set; }

    public Booking? JustBooked => Upcoming.FirstOrDefault(b => b.Id == BookedId);

    public IReadOnlyList<Booking> Upcoming { get; private set; } = [];
    public IReadOnlyList<Booking> Past { get; private set; } = [];
    public DateTime NowUtc { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var userId = CurrentUser.Id;
        NowUtc = clock.GetUtcNow().UtcDateTime;
        var all = await db.Bookings.AsNoTracking().Include(b => b.Site).Include(b => b.Resource)
            .Where(b => b.UserId == userId).OrderByDescending(b => b.StartUtc).Take(Shown).ToListAsync(ct);
        Upcoming = [.. all.Where(IsUpcoming).OrderBy(b => b.StartUtc)];
        Past = [.. all.Where(b => !IsUpcoming(b))];
        return Page();
    }

    private bool IsUpcoming(Booking b) => b.Status == BookingStatus.Confirmed && b.EndUtc > NowUtc;
}
