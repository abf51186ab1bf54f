using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing;

/// <summary>What remains to pay: each invoice's amount, less its credit note, less the payments received.</summary>
public sealed class Balances(AppDbContext db)
{
    /// <summary>Due per invoice (credit notes and paid invoices give 0).</summary>
    public async Task<IReadOnlyDictionary<int, int>> DueAsync(IQueryable<Invoice> invoices, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        var rows = await invoices.Where(i => i.Kind == InvoiceKind.Invoice)
            .Select(i => new
            {
                i.Id,
                i.TotalInclTaxCents,
                Credited = db.Invoices.Where(c => c.CreditedInvoiceId == i.Id).Sum(c => (int?)c.TotalInclTaxCents) ?? 0,
                Paid = db.Payments.Where(p => p.InvoiceId == i.Id).Sum(p => (int?)p.AmountCents) ?? 0,
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => Math.Max(0, r.TotalInclTaxCents - r.Credited - r.Paid));
    }

    public async Task<int> MemberAsync(string userId, CancellationToken ct) =>
        (await DueAsync(db.Invoices.Where(i => i.UserId == userId), ct)).Values.Sum();

    public async Task<int> CompanyAsync(int networkId, string siret, CancellationToken ct) =>
        (await DueAsync(db.Invoices.Where(i => i.NetworkId == networkId && i.ClientSiret == siret && i.IsBusinessClient), ct)).Values.Sum();
}
