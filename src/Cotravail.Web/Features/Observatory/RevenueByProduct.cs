using Cotravail.Web.Data;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Observatory.Aggregates;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Observatory;

/// <summary>
/// Revenue by product over a period, VAT included, credit notes deducted: from the monthly counters for whole months
/// (or the current month up to today), from the invoice lines for a month the period cuts.
/// </summary>
internal static class RevenueByProduct
{
    public static async Task<List<Revenue>> ReadAsync(
        AppDbContext db, IReadOnlyCollection<int> networks, IReadOnlyList<MonthSpan> spans, CancellationToken ct)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var cents = new Dictionary<string, long>(StringComparer.Ordinal);
        void Add(string product, int count, long amount)
        {
            lines[product] = lines.GetValueOrDefault(product) + count;
            cents[product] = cents.GetValueOrDefault(product) + amount;
        }
        var whole = new List<MonthSpan>();
        foreach (var span in spans)
        {
            if (span.Start == span.Month && (span.End == span.Last || !await db.Invoices.AnyAsync(
                i => networks.Contains(i.NetworkId) && i.IssueDate > span.End && i.IssueDate <= span.Last, ct)))
            {
                whole.Add(span);
                continue;
            }
            var live = await db.Set<InvoiceLine>().AsNoTracking()
                .Join(db.Invoices.Where(i => networks.Contains(i.NetworkId) && i.IssueDate >= span.Start && i.IssueDate <= span.End),
                    l => l.InvoiceId, i => i.Id, (l, i) => new { i.Kind, l.Description, l.TotalInclTaxCents })
                .ToListAsync(ct);
            foreach (var l in live)
            {
                Add(l.Description.Split(" – ")[0], 1, l.Kind == InvoiceKind.CreditNote ? -l.TotalInclTaxCents : l.TotalInclTaxCents);
            }
        }
        if (whole.Count > 0)
        {
            var (first, last) = (whole[0].Month, whole[^1].Month);
            var counted = await db.Set<RevenueMonth>().AsNoTracking()
                .Where(r => networks.Contains(r.NetworkId) && r.Month >= first && r.Month <= last)
                .GroupBy(r => r.Product).Select(g => new { g.Key, Lines = g.Sum(r => r.Lines), Cents = g.Sum(r => r.Cents) }).ToListAsync(ct);
            foreach (var r in counted)
            {
                Add(r.Key, r.Lines, r.Cents);
            }
        }
        return [.. lines.Where(l => l.Value > 0).Select(l => new Revenue(l.Key, checked((int)cents[l.Key])))
            .OrderByDescending(r => r.Cents).ThenBy(r => r.Product, StringComparer.Ordinal)];
    }
}
