namespace Cotravail.Web.Features.Billing;

/// <summary>
/// Invoices another feature ties to a site (reception: a walk-in's pass sold there), so that the site's hosts may read
/// them (<see cref="InvoiceAccess"/>, ADR 0029). Billing asks every registered one and reads none of their tables.
/// </summary>
public interface IInvoicesOfSites
{
    /// <summary>The ids of the invoices that concern one of <paramref name="sites"/>, as a query composed into billing's.</summary>
    IQueryable<int> InvoiceIds(IReadOnlyList<int> sites);
}
