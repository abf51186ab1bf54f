using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Booking.Mine;

/// <summary>
/// Cancelling one's own booking: the page says whether it is still free (before the cut-off) or will be kept as a
/// late cancellation; the POST cancels. Another member's booking answers 404.
/// </summary>
public sealed class CancelModel(AppDbContext db, BookingCommands commands, TimeProvider clock) : LocalizedPage
{
    public Booking Booking { get; private set; } = null!;
    public bool CanCancel { get; private set; }
    public bool StillFree { get; private set; }
    public DateTime FreeUntilLocal { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var (outcome, booking) = await commands.CancelAsync(id, UserId, asStaff: false, ct);
        switch (outcome)
        {
            case CancelOutcome.NotFound:
                return NotFound();
            case CancelOutcome.TooLate:
                await LoadAsync(id, ct);
                Problem = Booking.Status == BookingStatus.Confirmed
                    ? T["Cette réservation a déjà commencé : elle ne peut plus être annulée."]
                    : T["Cette réservation est déjà annulée."];
                return Page();
            case CancelOutcome.LateCancelled:
                TempData["Notice"] = T["Réservation annulée : {0}. L'annulation est intervenue après le délai : elle est conservée comme annulation tardive et peut être facturée.", BookingMailer.Describe(booking!)].Value;
                break;
            default:
                TempData["Notice"] = T["Réservation annulée : {0}. Elle ne vous sera pas facturée.", BookingMailer.Describe(booking!)].Value;
                break;
        }
        return Redirect("/mes-reservations");
    }

    private string UserId => CurrentUser.RequiredId;

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var userId = UserId;
        var booking = await db.Bookings.AsNoTracking().Include(b => b.Site).Include(b => b.Resource)
            .FirstOrDefaultAsync(b => b.Id == id && b.UserId == userId, ct);
        if (booking is null)
        {
            return false;
        }
        Booking = booking;
        var now = clock.GetUtcNow().UtcDateTime;
        CanCancel = CancellationPolicy.CanCancel(booking, now);
        (FreeUntilLocal, StillFree) = BookingLabels.FreeCancellation(booking.Site!, booking, now);
        return true;
    }
}
