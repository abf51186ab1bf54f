using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing;

public sealed record PaymentRequest(int InvoiceId, PaymentMethod Method, int AmountCents, int? SiteId, string? ChequeNumber, string? ChequeBank, string? Reference);

/// <summary>One payment at reception for several invoices of <see cref="NetworkId"/>, received at <see cref="SiteId"/> on its local <see cref="Date"/>.</summary>
public sealed record SettleRequest(int NetworkId, int SiteId, DateOnly Date, IReadOnlyList<int> InvoiceIds, PaymentMethod Method, int AmountCents,
    string? ChequeNumber, string? ChequeBank, string? Reference, string? PayerUserId, int? PayerCompanyId, string? PayerName);

/// <summary>What <see cref="Payments.SettleAsync"/> did: the receipt, and what remains due on the invoices (their total due when refused).</summary>
public sealed record SettleResult(PaymentOutcome Outcome, Receipt? Receipt, int DueCents);

/// <summary>A count of the till for <see cref="Date"/>, or a correction of a closed day's count (<see cref="CorrectsCashUpId"/>).</summary>
public sealed record CashUpRequest(int SiteId, DateOnly Date, int CountedCents, string? Comment, int? ConfirmedDifferenceCents = null, int? CorrectsCashUpId = null);

public enum CashUpOutcome
{
    Closed,
    Invalid,
    /// <summary>The day's cash-up exists: a correction is the way.</summary>
    AlreadyClosed,
    /// <summary>A difference (or a correction) without a comment.</summary>
    NeedsComment,
    /// <summary>A difference not confirmed (or confirmed for another amount).</summary>
    NeedsConfirmation,
    /// <summary>The cash-up to correct is not a cash-up of this site (or is itself a correction).</summary>
    UnknownCashUp,
}

/// <summary>What <see cref="Payments.CloseCashUpAsync"/> did, with the difference counted − expected.</summary>
public sealed record CashUpResult(CashUpOutcome Outcome, CashUp? CashUp, int DifferenceCents);

public enum PaymentOutcome
{
    Recorded,
    UnknownInvoice,
    Invalid,
    AboveDue,
}

/// <summary>
/// Records payments (one invoice, or several at once with a receipt) and closes cash-ups. The amount due of an invoice is
/// checked inside the writing transaction, so two payments at once never pay more than is due; a closed cash-up takes the
/// cash payments recorded so far and never changes (a correction is a new, linked row).
/// </summary>
public sealed class Payments(AppDbContext db, TimeProvider clock, Common.Observability.CotravailMetrics metrics, Common.Happenings.IHappenings happenings)
{
    /// <summary>Tells other tools of a payment just saved (webhooks), in the caller's transaction.</summary>
    public Task RecordedAsync(Payment p, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(p);
        return happenings.RecordAsync(new Common.Happenings.PaymentRecorded(
            p.Id, p.NetworkId, p.InvoiceId, p.SiteId, p.Method.ToString(), p.AmountCents, p.ReceiptId, p.RecordedAtUtc), ct);
    }

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
        await RecordedAsync(payment, ct);
        await tx.CommitAsync(ct);
        metrics.Payment(payment.Method, payment.AmountCents);
        return (PaymentOutcome.Recorded, payment, due - payment.AmountCents);
    }

    /// <summary>
    /// Takes one payment for several invoices of a network, all in one transaction: the invoices are locked (PostgreSQL) or
    /// the writers queued (SQLite), what is due read, the amount refused when above the total due of the invoices, else spread
    /// over them oldest first — one <see cref="Payment"/> per invoice, all linked by one numbered <see cref="Receipt"/>.
    /// </summary>
    public async Task<SettleResult> SettleAsync(SettleRequest request, string recordedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ids = request.InvoiceIds.Distinct().ToList();
        if (ids.Count is 0 or > MaxInvoicesPerReceipt
            || Problems(new PaymentRequest(0, request.Method, request.AmountCents, request.SiteId, request.ChequeNumber, request.ChequeBank, request.Reference)).Count > 0)
        {
            return new SettleResult(PaymentOutcome.Invalid, null, 0);
        }
        using var gate = await WriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            // In the order of their ids, so two receipts over the same invoices wait for each other instead of deadlocking.
            var locking = ids.Order().ToArray();
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"SELECT 1 FROM \"Invoices\" WHERE \"Id\" = ANY({locking}) ORDER BY \"Id\" FOR UPDATE", ct);
        }
        var invoices = await db.Invoices.AsNoTracking()
            .Where(i => ids.Contains(i.Id) && i.NetworkId == request.NetworkId && i.Kind == InvoiceKind.Invoice)
            .OrderBy(i => i.IssueDate).ThenBy(i => i.Year).ThenBy(i => i.Sequence)
            .Select(i => new { i.Id, i.ClientName }).ToListAsync(ct);
        if (invoices.Count != ids.Count)
        {
            await tx.RollbackAsync(ct);
            return new SettleResult(PaymentOutcome.UnknownInvoice, null, 0);
        }
        var dues = new List<(int Id, int Due)>();
        foreach (var invoice in invoices)
        {
            dues.Add((invoice.Id, await DueCentsAsync(invoice.Id, ct)));
        }
        var totalDue = dues.Sum(d => d.Due);
        if (request.AmountCents > totalDue)
        {
            await tx.RollbackAsync(ct);
            return new SettleResult(PaymentOutcome.AboveDue, null, totalDue);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var receipt = new Receipt
        {
            NetworkId = request.NetworkId, SiteId = request.SiteId, Date = request.Date, Year = request.Date.Year, ReceivedAtUtc = now,
            PayerUserId = request.PayerUserId, PayerCompanyId = request.PayerCompanyId,
            PayerName = Blank(request.PayerName) ?? invoices[0].ClientName, Method = request.Method, TotalCents = request.AmountCents,
            RecordedByUserId = recordedBy,
        };
        receipt.Sequence = await NextReceiptNumberAsync(request.NetworkId, receipt.Year, ct);
        receipt.Number = ReceiptNumber(receipt.Year, receipt.Sequence);
        db.Receipts.Add(receipt);
        await db.SaveChangesAsync(ct);
        var left = request.AmountCents;
        var recorded = new List<Payment>();
        foreach (var (id, due) in dues)
        {
            var take = Math.Min(due, left);
            if (take <= 0)
            {
                continue;
            }
            left -= take;
            recorded.Add(new Payment
            {
                InvoiceId = id, NetworkId = request.NetworkId, SiteId = request.SiteId, Method = request.Method, AmountCents = take,
                ChequeNumber = Blank(request.ChequeNumber), ChequeBank = Blank(request.ChequeBank), Reference = Blank(request.Reference),
                RecordedAtUtc = now, RecordedByUserId = recordedBy, ReceiptId = receipt.Id,
            });
        }
        db.Payments.AddRange(recorded);
        await db.SaveChangesAsync(ct);
        foreach (var payment in recorded)
        {
            await RecordedAsync(payment, ct);
        }
        await tx.CommitAsync(ct);
        foreach (var payment in recorded)
        {
            metrics.Payment(payment.Method, payment.AmountCents);
        }
        return new SettleResult(PaymentOutcome.Recorded, receipt, totalDue - request.AmountCents);
    }

    public const int MaxInvoicesPerReceipt = 50;

    /// <summary>« R2026-000045 ».</summary>
    public static string ReceiptNumber(int year, int sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"R{year}-{sequence:000000}");

    private async Task<int> NextReceiptNumberAsync(int networkId, int year, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"ReceiptSequences\" (\"NetworkId\", \"Year\", \"Last\") VALUES ({networkId}, {year}, 0) ON CONFLICT DO NOTHING", ct);
        var numbers = await db.Database.SqlQuery<int>(
            $"UPDATE \"ReceiptSequences\" SET \"Last\" = \"Last\" + 1 WHERE \"NetworkId\" = {networkId} AND \"Year\" = {year} RETURNING \"Last\" AS \"Value\"")
            .ToListAsync(ct);
        return numbers.Single();
    }

    /// <summary>Cash recorded at the site and not yet in a closed cash-up.</summary>
    public async Task<int> ExpectedCashAsync(int siteId, CancellationToken ct) =>
        await db.Payments.Where(p => p.SiteId == siteId && p.Method == PaymentMethod.Cash && p.CashUpId == null)
            .SumAsync(p => (int?)p.AmountCents, ct) ?? 0;

    /// <summary>
    /// Closes the till for the day (one cash-up per site and day: the open cash payments go into it, and it never changes),
    /// or records a correction of a closed day (<see cref="CashUpRequest.CorrectsCashUpId"/>: a new row linked to it, its own
    /// comment required). Counted ≠ expected needs a comment and the difference confirmed as it is now.
    /// </summary>
    public async Task<CashUpResult> CloseCashUpAsync(CashUpRequest request, string closedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.CountedCents is < 0 or > Common.Money.MaxCents || (request.Comment?.Trim().Length ?? 0) > 500)
        {
            return new CashUpResult(CashUpOutcome.Invalid, null, 0);
        }
        using var gate = await WriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        CashUp? original = null;
        List<Payment> open = [];
        if (request.CorrectsCashUpId is { } corrects)
        {
            original = await db.CashUps.AsNoTracking().FirstOrDefaultAsync(c => c.Id == corrects && c.SiteId == request.SiteId && c.CorrectsCashUpId == null, ct);
            if (original is null)
            {
                return new CashUpResult(CashUpOutcome.UnknownCashUp, null, 0);
            }
        }
        else
        {
            if (await db.CashUps.AnyAsync(c => c.SiteId == request.SiteId && c.Date == request.Date && c.CorrectsCashUpId == null, ct))
            {
                return new CashUpResult(CashUpOutcome.AlreadyClosed, null, 0);
            }
            open = await db.Payments.Where(p => p.SiteId == request.SiteId && p.Method == PaymentMethod.Cash && p.CashUpId == null).ToListAsync(ct);
        }
        var expected = original?.ExpectedCents ?? open.Sum(p => p.AmountCents);
        var difference = request.CountedCents - expected;
        var comment = Blank(request.Comment);
        if (comment is null && (difference != 0 || original is not null))
        {
            return new CashUpResult(CashUpOutcome.NeedsComment, null, difference);
        }
        if (difference != 0 && request.ConfirmedDifferenceCents != difference)
        {
            return new CashUpResult(CashUpOutcome.NeedsConfirmation, null, difference);
        }
        var cashUp = new CashUp
        {
            SiteId = request.SiteId, Date = original?.Date ?? request.Date, ExpectedCents = expected, CountedCents = request.CountedCents,
            DifferenceCents = difference, Comment = comment, ClosedAtUtc = clock.GetUtcNow().UtcDateTime, ClosedByUserId = closedBy,
            CorrectsCashUpId = original?.Id,
        };
        db.CashUps.Add(cashUp);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // closed at the same moment by someone else (PostgreSQL; SQLite's writers queue)
            db.ChangeTracker.Clear();
            return new CashUpResult(CashUpOutcome.AlreadyClosed, null, 0);
        }
        var ids = open.Select(p => p.Id).ToList();
        if (ids.Count > 0)
        {
            await db.Payments.Where(p => ids.Contains(p.Id) && p.CashUpId == null).ExecuteUpdateAsync(s => s.SetProperty(p => p.CashUpId, cashUp.Id), ct);
        }
        await tx.CommitAsync(ct);
        return new CashUpResult(CashUpOutcome.Closed, cashUp, difference);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
