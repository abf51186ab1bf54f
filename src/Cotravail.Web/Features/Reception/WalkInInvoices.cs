using Cotravail.Web.Data;
using Cotravail.Web.Features.Billing;

namespace Cotravail.Web.Features.Reception;

/// <summary>A walk-in's pass sold at a site's reception concerns that site: its hosts may read the invoice.</summary>
public sealed class WalkInInvoices(AppDbContext db) : IInvoicesOfSites
{
    public IQueryable<int> InvoiceIds(IReadOnlyList<int> sites) =>
        db.Visits.Where(v => sites.Contains(v.SiteId) && v.InvoiceId != null).Select(v => v.InvoiceId!.Value);
}
