namespace Cotravail.Web.Features.Billing.Credits;

/// <summary>
/// What another feature ties to an invoice (reception: a walk-in's visit paid with a day pass), stated on a credit note's
/// confirmation screen. Billing asks every registered one and reads none of their tables.
/// </summary>
public interface IInvoiceHoldings
{
    /// <summary>French texts (localisation keys) and their arguments, one per thing the invoice paid for.</summary>
    Task<IReadOnlyList<CreditText>> DescribeAsync(int invoiceId, CancellationToken ct);
}
