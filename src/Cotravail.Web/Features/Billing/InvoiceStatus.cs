using Cotravail.Web.Data;

namespace Cotravail.Web.Features.Billing;

/// <summary>
/// Where an invoice stands (ADR 0037), from its total, its credit notes, its payments and its due date. Credit notes
/// have no status of their own (they show « avoir »).
/// </summary>
public enum InvoiceStatus
{
    /// <summary>Nothing left to pay: paid in full, or paid for the part a partial credit note left.</summary>
    Paid = 0,

    /// <summary>Something was paid, the rest is due, and the due date has not passed.</summary>
    PartlyPaid = 1,

    /// <summary>Nothing paid yet and the due date has not passed.</summary>
    Unpaid = 2,

    /// <summary>The due date has passed and something is still due (paid in part or not at all).</summary>
    Overdue = 3,

    /// <summary>Cancelled by credit notes for its whole amount.</summary>
    Credited = 4,
}

/// <summary>An invoice with what its credit notes and payments add up to, as one query computes them.</summary>
public sealed class InvoiceAmounts
{
    public required Invoice Invoice { get; init; }
    public int CreditedCents { get; init; }
    public int PaidCents { get; init; }

    public int DueCents => Invoice.Kind == InvoiceKind.CreditNote ? 0 : InvoiceStatusRule.Due(Invoice.TotalInclTaxCents, CreditedCents, PaidCents);

    /// <summary>Null for a credit note.</summary>
    public InvoiceStatus? Status(DateOnly today) => Invoice.Kind == InvoiceKind.CreditNote
        ? null
        : InvoiceStatusRule.Of(Invoice.TotalInclTaxCents, CreditedCents, PaidCents, Invoice.DueDate, today);
}

/// <summary>
/// The rule, without a database: fully credited → credited (whatever was paid); nothing left due → paid (a partial
/// credit note and payments for the rest included); something due after the due date → overdue; something paid and the
/// rest due by the due date → partly paid; else unpaid. The due date itself is not late: it is overdue from the day after.
/// </summary>
public static class InvoiceStatusRule
{
    public static int Due(int totalCents, int creditedCents, int paidCents) => Math.Max(0, totalCents - creditedCents - paidCents);

    public static InvoiceStatus Of(int totalCents, int creditedCents, int paidCents, DateOnly dueDate, DateOnly today)
    {
        if (totalCents > 0 && creditedCents >= totalCents)
        {
            return InvoiceStatus.Credited;
        }
        if (Due(totalCents, creditedCents, paidCents) == 0)
        {
            return InvoiceStatus.Paid;
        }
        if (today > dueDate)
        {
            return InvoiceStatus.Overdue;
        }
        return paidCents > 0 ? InvoiceStatus.PartlyPaid : InvoiceStatus.Unpaid;
    }

    /// <summary>The word shown on screens (French; the English one comes from the resources).</summary>
    public static string French(this InvoiceStatus status) => status switch
    {
        InvoiceStatus.Paid => "réglée",
        InvoiceStatus.PartlyPaid => "réglée en partie",
        InvoiceStatus.Unpaid => "à régler",
        InvoiceStatus.Overdue => "en retard",
        _ => "annulée par avoir",
    };

    /// <summary>The name in the API and in the query string of the managers' list.</summary>
    public static string ApiName(this InvoiceStatus status) => status switch
    {
        InvoiceStatus.Paid => "paid",
        InvoiceStatus.PartlyPaid => "partlyPaid",
        InvoiceStatus.Unpaid => "unpaid",
        InvoiceStatus.Overdue => "overdue",
        _ => "credited",
    };

    public static InvoiceStatus? FromApiName(string? name) =>
        Enum.GetValues<InvoiceStatus>().Cast<InvoiceStatus?>().FirstOrDefault(s => string.Equals(s!.Value.ApiName(), name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The API names, for messages: « paid, partlyPaid, unpaid, overdue, credited ».</summary>
    public static string ApiNames => string.Join(", ", Enum.GetValues<InvoiceStatus>().Select(s => s.ApiName()));
}

/// <summary>The same rule in SQL: sums of credit notes and payments by subquery, so lists filter and page in the database.</summary>
public static class InvoiceStatusQueries
{
    public static IQueryable<InvoiceAmounts> WithAmounts(this IQueryable<Invoice> invoices, AppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return invoices.Select(i => new InvoiceAmounts
        {
            Invoice = i,
            CreditedCents = db.Invoices.Where(c => c.CreditedInvoiceId == i.Id && c.Kind == InvoiceKind.CreditNote).Sum(c => (int?)c.TotalInclTaxCents) ?? 0,
            PaidCents = db.Payments.Where(p => p.InvoiceId == i.Id).Sum(p => (int?)p.AmountCents) ?? 0,
        });
    }

    /// <summary>The invoices (never credit notes) whose status on <paramref name="today"/> is <paramref name="status"/>.</summary>
    public static IQueryable<InvoiceAmounts> WhereStatus(this IQueryable<InvoiceAmounts> rows, InvoiceStatus status, DateOnly today)
    {
        var invoices = rows.Where(r => r.Invoice.Kind == InvoiceKind.Invoice);
        return status switch
        {
            InvoiceStatus.Credited => invoices.Where(r => r.Invoice.TotalInclTaxCents > 0 && r.CreditedCents >= r.Invoice.TotalInclTaxCents),
            InvoiceStatus.Paid => invoices.Where(r => !(r.Invoice.TotalInclTaxCents > 0 && r.CreditedCents >= r.Invoice.TotalInclTaxCents)
                && r.Invoice.TotalInclTaxCents - r.CreditedCents - r.PaidCents <= 0),
            InvoiceStatus.Overdue => invoices.Where(r => r.Invoice.TotalInclTaxCents - r.CreditedCents - r.PaidCents > 0 && r.Invoice.DueDate < today),
            InvoiceStatus.PartlyPaid => invoices.Where(r => r.Invoice.TotalInclTaxCents - r.CreditedCents - r.PaidCents > 0 && r.Invoice.DueDate >= today && r.PaidCents > 0),
            _ => invoices.Where(r => r.Invoice.TotalInclTaxCents - r.CreditedCents - r.PaidCents > 0 && r.Invoice.DueDate >= today && r.PaidCents <= 0),
        };
    }
}
