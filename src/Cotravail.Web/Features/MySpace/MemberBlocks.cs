using System.Globalization;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Billing.Entitlements;
using Cotravail.Web.Features.Billing.Products;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Events.Mine;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.MySpace;

/// <summary>
/// A member's blocks of « Mon espace », read through the rules of the features that own them: bookings with the
/// cancellation policy of « Mes réservations », days left as « Mes droits », invoices' status as « Mes factures »,
/// sign-ups through « Mes inscriptions » (and its <see cref="Sites.Signups.IMemberSignups"/>).
/// </summary>
public sealed class MemberBlocks(AppDbContext db, BookingCover cover, MyRegistrations registrations, TimeProvider clock)
{
    /// <summary>How many bookings and sign-ups the page shows before « see all ».</summary>
    public const int Shown = 5;

    public async Task<(IReadOnlyList<NextBooking> Next, int Upcoming, bool HasBooked)> BookingsAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var upcoming = db.Bookings.AsNoTracking().Where(b => b.UserId == userId && b.Status == BookingStatus.Confirmed && b.EndUtc > now);
        var next = await upcoming.Include(b => b.Site).Include(b => b.Resource)
            .OrderBy(b => b.StartUtc).ThenBy(b => b.Id).Take(Shown).ToListAsync(ct);
        var count = next.Count < Shown ? next.Count : await upcoming.CountAsync(ct);
        var hasBooked = count > 0 || await db.Bookings.AnyAsync(b => b.UserId == userId, ct);
        return ([.. next.Select(b => ToNext(b, now))], count, hasBooked);
    }

    private static NextBooking ToNext(Booking.Booking b, DateTime now)
    {
        var (until, free) = BookingLabels.FreeCancellation(b.Site!, b, now);
        return new NextBooking(b.Id, b.SiteId, b.Site!.Name, b.Resource?.Name ?? "", b.Date, b.Period?.ApiName(), b.LocalStart, b.LocalEnd,
            b.PriceCents, until, free, CancellationPolicy.CanCancel(b, now),
            string.Create(CultureInfo.InvariantCulture, $"/mes-reservations/{b.Id}/annuler"));
    }

    /// <summary>Carnets and subscriptions not expired (nor taken back by a credit note), the soonest to expire first.</summary>
    public async Task<IReadOnlyList<DaysLeft>> DaysLeftAsync(string userId, CancellationToken ct)
    {
        var today = ParisDay.Today(clock);
        var list = await db.Entitlements.AsNoTracking()
            .Where(e => e.UserId == userId && e.ExpiresOn >= today && e.ExpiresOn >= e.StartsOn)
            .OrderBy(e => e.ExpiresOn).ThenBy(e => e.Id).Take(20).ToListAsync(ct);
        return [.. list.Select(e => new DaysLeft(e.Id, e.Kind.ApiName(), e.Name, e.Days, e.Remaining, e.StartsOn, e.ExpiresOn))];
    }

    public async Task<bool> DiscoveryAvailableAsync(string userId, CancellationToken ct) => !await cover.HasUsedDiscoveryAsync(userId, ct);

    /// <summary>The invoices with something left to pay (as « Mes factures » computes it), and how to pay them; null when none.</summary>
    public async Task<AmountDue?> DueAsync(string userId, CancellationToken ct)
    {
        var today = ParisDay.Today(clock);
        var rows = await db.Invoices.AsNoTracking().Where(i => i.UserId == userId && i.Kind == InvoiceKind.Invoice).WithAmounts(db)
            .OrderBy(r => r.Invoice.DueDate).ThenBy(r => r.Invoice.Id).Take(500).ToListAsync(ct);
        var due = rows.Where(r => r.DueCents > 0).ToList();
        if (due.Count == 0)
        {
            return null;
        }
        var invoices = due.Select(r => new DueInvoice(r.Invoice.Id, r.Invoice.Number, r.DueCents, r.Invoice.DueDate,
            r.Status(today) == InvoiceStatus.Overdue, string.Create(CultureInfo.InvariantCulture, $"/api/v1/me/invoices/{r.Invoice.Id}/pdf"))).ToList();
        var transfers = due.Where(r => !string.IsNullOrEmpty(r.Invoice.IssuerIban))
            .GroupBy(r => (r.Invoice.IssuerName, Iban: r.Invoice.IssuerIban!, r.Invoice.IssuerBic))
            .Select(g => new TransferDetails(g.Key.IssuerName, Common.BankAccount.Grouped(g.Key.Iban),
                string.IsNullOrEmpty(g.Key.IssuerBic) ? null : g.Key.IssuerBic, [.. g.Select(r => r.Invoice.Number)]))
            .ToList();
        return new AmountDue(invoices.Sum(i => i.DueCents), invoices.Any(i => i.Overdue), invoices, transfers);
    }

    /// <summary>The next events, coaching slots and « coups de main » the member holds, and how many there are.</summary>
    public async Task<(IReadOnlyList<MyItem> Next, int Upcoming)> SignupsAsync(string userId, CancellationToken ct)
    {
        var upcoming = (await registrations.ListAsync(userId, ct)).Where(i => i.Upcoming).ToList();
        return ([.. upcoming.Take(Shown)], upcoming.Count);
    }
}
