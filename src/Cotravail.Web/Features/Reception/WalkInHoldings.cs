using Cotravail.Web.Data;
using Cotravail.Web.Features.Billing.Credits;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Reception;

/// <summary>A walk-in's day pass paid a visit already made: a credit note of its invoice says the visit stays recorded.</summary>
public sealed class WalkInHoldings(AppDbContext db) : IInvoiceHoldings
{
    public const string VisitStays = "La venue de {0} le {1} ({2}) reste enregistrée : un avoir ne défait pas une venue.";

    public async Task<IReadOnlyList<CreditText>> DescribeAsync(int invoiceId, CancellationToken ct) =>
        (await db.Visits.AsNoTracking().Where(v => v.InvoiceId == invoiceId)
            .Select(v => new { v.Visitor!.FirstName, v.Visitor.LastName, v.Date, Site = v.Site!.Name })
            .ToListAsync(ct))
        .Select(v => new CreditText(VisitStays, $"{v.FirstName} {v.LastName}".Trim(), v.Date, v.Site))
        .ToList();
}
