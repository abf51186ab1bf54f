using Cotravail.Web.Data;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing;

/// <summary>
/// Once a month is over, one invoice per member — or per company for members billed to one — for the bookings charged
/// at the site's price that month (confirmed, no-show, or cancelled late — those two as the site's rules say), each
/// booking charged once. Each invoice is issued in its own transaction with the
/// bookings it charges, so a second run finds nothing left to charge.
/// </summary>
public sealed class MonthlyInvoicing(AppDbContext db, InvoiceIssuer issuer, TimeProvider clock)
{
    public async Task<IReadOnlyList<Invoice>> RunAsync(int networkId, int year, int month, CancellationToken ct)
    {
        // Two managers (or two clicks on two instances) invoicing the same network take turns: the second finds it done.
        await using var turn = await DatabaseLock.AcquireAsync(db, $"invoicing:{networkId}", ct);
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var network = await db.Networks.AsNoTracking().FirstAsync(n => n.Id == networkId, ct);
        var charged = new[] { BookingStatus.Confirmed, BookingStatus.NoShow, BookingStatus.LateCancelled };
        var bookings = await db.Bookings.AsNoTracking().Include(b => b.Site).Include(b => b.Resource).Include(b => b.User)
            .Where(b => b.Site!.NetworkId == networkId && b.Date >= first && b.Date <= last && charged.Contains(b.Status)
                        && b.PriceCents > 0 && !db.InvoicedBookings.Any(i => i.BookingId == b.Id)
                        && (b.Status != BookingStatus.LateCancelled || b.Site!.ChargeLateCancellations)
                        && (b.Status != BookingStatus.NoShow || b.Site!.ChargeNoShows))
            .ToListAsync(ct);
        var companies = await db.CompanyMembers.AsNoTracking().Where(m => m.NetworkId == networkId)
            .Join(db.Companies, m => m.CompanyId, c => c.Id, (m, c) => new { m.UserId, Company = c })
            .ToDictionaryAsync(x => x.UserId, x => x.Company, ct);
        var invoices = new List<Invoice>();
        // One invoice per payer: the member's company when they belong to one, else the member.
        foreach (var member in bookings.GroupBy(b => companies.TryGetValue(b.UserId, out var c) ? $"company:{c.Id}" : b.UserId))
        {
            var user = member.First().User!;
            var company = companies.GetValueOrDefault(user.Id);
            var lines = member
                .GroupBy(b => (Description: LineDescription(b, company is not null), b.PriceCents))
                .OrderBy(g => g.Key.Description, StringComparer.Ordinal)
                .Select(g => new LineRequest(g.Key.Description, g.Count(), g.Key.PriceCents, network.VatRateBasisPoints))
                .ToList();
            var client = company is null
                ? new ClientIdentity(user.Id, user.DisplayName, null, user.Email)
                : new ClientIdentity(null, company.Name, company.BillingAddress, company.Email, company.Siret, IsBusiness: true);
            using var gate = await WriteGate.EnterAsync(db, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var invoice = await issuer.IssueAsync(networkId, client, lines, InvoiceMentions.PlaceOfService(member.Select(b => b.Site!)), ct);
            db.InvoicedBookings.AddRange(member.Select(b => new InvoicedBooking { BookingId = b.Id, InvoiceId = invoice.Id }));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            invoices.Add(invoice);
        }
        return invoices;
    }

    /// <summary>True when the month is over in France (it can be invoiced).</summary>
    public bool IsOver(int year, int month) =>
        DateOnly.FromDateTime(clock.GetLocalNow().DateTime) > new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);

    /// <summary>
    /// The invoice line a booking is charged on (with <see cref="Booking.Booking.Site"/>, <see cref="Booking.Booking.Resource"/>
    /// and, for a company, <see cref="Booking.Booking.User"/> loaded): a credit note finds a line's bookings by it.
    /// </summary>
    internal static string LineDescription(Booking.Booking b, bool forCompany) =>
        (forCompany ? $"{Describe(b)} – {b.User!.DisplayName}" : Describe(b)) + $" – {MonthName(new DateOnly(b.Date.Year, b.Date.Month, 1))}";

    private static string Describe(Booking.Booking b)
    {
        var what = b.Resource!.Kind switch
        {
            ResourceKind.DeskPool => b.Period == Period.Day ? "Pass journée" : "Pass demi-journée",
            ResourceKind.PrivateOffice => b.Period == Period.Day ? "Bureau privatif, journée" : "Bureau privatif, demi-journée",
            ResourceKind.MeetingRoom => $"Salle de réunion, {(b.EndUtc - b.StartUtc).TotalHours:0.#} h",
            _ => $"Cabine téléphonique, {(b.EndUtc - b.StartUtc).TotalHours:0.#} h",
        };
        var suffix = b.Status switch
        {
            BookingStatus.NoShow => " (absence)",
            BookingStatus.LateCancelled => " (annulation tardive)",
            _ => "",
        };
        return $"{what} – {b.Site!.Name}{suffix}";
    }

    private static string MonthName(DateOnly first) =>
        first.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
}
