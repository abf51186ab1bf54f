using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing;

public sealed record PaymentRequest(int InvoiceId, PaymentMethod Method, int AmountCents, int? SiteId, string? ChequeNumber, string? ChequeBank, string? Reference);

public enum PaymentOutcome
{
    Recorded,
    UnknownInvoice,
    Invalid,
    AboveDue,
}

/// <summary>
/// Records payments and closes cash-ups. The amount due of an invoice is checked inside the writing transaction, so two
/// payments at once never pay more than is due; a closed cash-up takes the cash payments recorded so far and never changes.
/// </summary>
public sealed class Payments(AppDbContext db, TimeProvider clock, Common.Observability.CotravailMetrics metrics)
{
    /// <summary>What is still due on an invoice: its amount, less its credit note, less what was paid.</summary>
    public async Task<int> DueCentsAsync(int invoiceId, CancellationToken ct)
    {
        var invoice = await db.Invoices.AsNoTracking().Where(i => i.Id == invoiceId).Select(i => new { i.TotalInclTaxCents, i.Kind }).FirstAsync(ct);
        if (invoice.Kind == InvoiceKind.CreditNote)
        {
            return 0;
        }
        var credited = await db.Invoices.Where(i => i.CreditedInvoiceId == invoiceId).SumAsync(i => (int?)i.TotalInclTaxCents, ct) ?? 0;
        var paid = await db.Payments.Where(p => p.InvoiceId == invoiceId).SumAsync(p => (int?)p.AmountCents, ct) ?? 0;
        return Math.Max(0, invoice.TotalInclTaxCents - credited - paid);
    }

    public static IReadOnlyDictionary<string, string> Problems(PaymentRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var problems = new Dictionary<string, string>();
        if (r.AmountCents is <= 0 or > 10_000_000)
        {
            problems["amountCents"] = "Le montant doit être positif (100 000 € au plus).";
        }
        if (r.Method == PaymentMethod.Cheque && (string.IsNullOrWhiteSpace(r.ChequeNumber) || string.IsNullOrWhiteSpace(r.ChequeBank)))
        {
            problems["chequeNumber"] = "Pour un chèque, indiquez son numéro et sa banque.";
        }
        if ((r.ChequeNumber?.Length ?? 0) > 30 || (r.ChequeBank?.Length ?? 0) > 80 || (r.Reference?.Length ?? 0) > 100)
        {
            problems["reference"] = "Numéro, banque ou référence trop long.";
        }
        return problems;
    }

    public async Task<(PaymentOutcome Outcome, Payment? Payment, int DueCents)> RecordAsync(PaymentRequest request, string recordedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var invoice = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == request.InvoiceId && i.Kind == InvoiceKind.Invoice, ct);
        if (invoice is null)
        {
            return (PaymentOutcome.UnknownInvoice, null, 0);
        }
        if (Problems(request).Count > 0)
        {
            return (PaymentOutcome.Invalid, null, 0);
        }
        using var gate = await WriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One writer per invoice at a time, then read what is due: on PostgreSQL a row lock, on SQLite the write gate.
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Invoices\" WHERE \"Id\" = {invoice.Id} FOR UPDATE", ct);
        }
        var due = await DueCentsAsync(invoice.Id, ct);
        if (request.AmountCents > due)
        {
            await tx.RollbackAsync(ct);
            return (PaymentOutcome.AboveDue, null, due);
        }
        var payment = new Payment
        {
            InvoiceId = invoice.Id, NetworkId = invoice.NetworkId, SiteId = request.SiteId, Method = request.Method,
            AmountCents = request.AmountCents, ChequeNumber = Blank(request.ChequeNumber), ChequeBank = Blank(request.ChequeBank),
            Reference = Blank(request.Reference), RecordedAtUtc = clock.GetUtcNow().UtcDateTime, RecordedByUserId = recordedBy,
        };
        db.Payments.Add(payment);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        metrics.Payment(payment.Method, payment.AmountCents);
        return (PaymentOutcome.Recorded, payment, due - payment.AmountCents);
    }

    /// <summary>Cash recorded at the site and not yet in a closed cash-up.</summary>
    public async Task<int> ExpectedCashAsync(int siteId, CancellationToken ct) =>
        await db.Payments.Where(p => p.SiteId == siteId && p.Method == PaymentMethod.Cash && p.CashUpId == null)
            .SumAsync(p => (int?)p.AmountCents, ct) ?? 0;

    /// <summary>Closes the till: the open cash payments go into this cash-up, which then never changes.</summary>
    public async Task<CashUp> CloseCashUpAsync(int siteId, DateOnly date, int countedCents, string? comment, string closedBy, CancellationToken ct)
    {
        using var gate = await WriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var open = await db.Payments.Where(p => p.SiteId == siteId && p.Method == PaymentMethod.Cash && p.CashUpId == null).ToListAsync(ct);
        var expected = open.Sum(p => p.AmountCents);
        var cashUp = new CashUp
        {
            SiteId = siteId, Date = date, ExpectedCents = expected, CountedCents = countedCents, DifferenceCents = countedCents - expected,
            Comment = Blank(comment), ClosedAtUtc = clock.GetUtcNow().UtcDateTime, ClosedByUserId = closedBy,
        };
        db.CashUps.Add(cashUp);
        await db.SaveChangesAsync(ct);
        var ids = open.Select(p => p.Id).ToList();
        await db.Payments.Where(p => ids.Contains(p.Id) && p.CashUpId == null).ExecuteUpdateAsync(s => s.SetProperty(p => p.CashUpId, cashUp.Id), ct);
        await tx.CommitAsync(ct);
        return cashUp;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
