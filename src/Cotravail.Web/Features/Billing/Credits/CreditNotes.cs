using Cotravail.Web.Data;
using Cotravail.Web.Features.Booking;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Credits;

public enum CreditOutcome
{
    Issued,
    UnknownInvoice,
    /// <summary>The invoice is itself a credit note.</summary>
    IsCreditNote,
    /// <summary>The plan has problems (reason, quantities, days already used): nothing was changed.</summary>
    Refused,
    /// <summary>What the credit note undoes changed since it was checked (a day used meanwhile): nothing was changed.</summary>
    Changed,
}

/// <summary>An invoice as a credit note sees it: its lines with what is left to credit, what it paid for, what was paid and credited.</summary>
public sealed record CreditView(
    Invoice Invoice, IReadOnlyList<CreditableLine> Lines, IReadOnlyList<HeldDays> Days, IReadOnlyList<HeldBooking> Bookings,
    IReadOnlyList<HeldFact> Facts, IReadOnlyList<Invoice> CreditNotes, IReadOnlyList<Payment> Payments, int DueCents, DateOnly Today)
{
    public bool IsCreditNote => Invoice.Kind == InvoiceKind.CreditNote;

    public bool AnythingLeft => !IsCreditNote && Lines.Any(l => l.Left > 0);

    /// <summary>Paid, partly paid, unpaid, overdue or credited (ADR 0037); null for a credit note.</summary>
    public InvoiceStatus? Status => IsCreditNote ? null : InvoiceStatusRule.Of(
        Invoice.TotalInclTaxCents, CreditNotes.Sum(c => c.TotalInclTaxCents), Payments.Sum(p => p.AmountCents), Invoice.DueDate, Today);
}

public sealed record CreditResult(CreditOutcome Outcome, Invoice? CreditNote = null, CreditPlan? Plan = null);

/// <summary>
/// Credit notes that undo what they cancel (ADR 0036). One is issued in one transaction with its undoing — the unused days of
/// the carnets and subscriptions credited taken back, the future bookings charged cancelled — after what is left to
/// credit is read again under a lock on the invoice (a row lock on PostgreSQL, the write gate on SQLite): two credit
/// notes at once never credit more than was invoiced. Callers check that the person manages the invoice's network.
/// </summary>
public sealed class CreditNotes(
    AppDbContext db, InvoiceIssuer issuer, Payments payments, BookingService places, IEnumerable<IInvoiceHoldings> holdings, TimeProvider clock)
{
    public const string OnACreditNote = "On n'émet pas d'avoir sur un avoir : un avoir ne se crédite pas.";
    public const string ChangedMeanwhile = "Ce que l'avoir défait a changé depuis la vérification (une journée utilisée, un autre avoir) : rien n'a été émis, vérifiez à nouveau.";

    private static readonly TimeZoneInfo Zone =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out var z) ? z : TimeZoneInfo.Utc;

    /// <summary>The invoice or credit note, what it paid for and what is left to credit; null when it does not exist.</summary>
    public async Task<CreditView?> ViewAsync(int invoiceId, CancellationToken ct)
    {
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == invoiceId, ct);
        if (invoice is null)
        {
            return null;
        }
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
        var notes = await db.Invoices.AsNoTracking().Include(i => i.Lines).Where(i => i.CreditedInvoiceId == invoiceId)
            .OrderBy(i => i.Year).ThenBy(i => i.Sequence).ToListAsync(ct);
        var paid = await db.Payments.AsNoTracking().Where(p => p.InvoiceId == invoiceId).OrderBy(p => p.RecordedAtUtc).ToListAsync(ct);
        var ordered = invoice.Lines.OrderBy(l => l.Position).ToList();
        // A credit note issued before lines named what they credit credited the whole invoice.
        var whole = notes.Any(n => n.Lines.Any(l => l.CreditedLineId is null));
        var credited = notes.SelectMany(n => n.Lines).Where(l => l.CreditedLineId is not null)
            .GroupBy(l => l.CreditedLineId!.Value).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        var lines = ordered.Select(l => new CreditableLine(l.Id, l.Position, l.Description, l.Quantity, l.UnitPriceInclTaxCents, l.VatRateBasisPoints,
            whole ? l.Quantity : credited.GetValueOrDefault(l.Id))).ToList();
        if (invoice.Kind == InvoiceKind.CreditNote || lines.Count == 0)
        {
            return new CreditView(invoice, lines, [], [], [], notes, paid, 0, today);
        }
        var first = ordered[0].Id;

        var days = (await db.Entitlements.AsNoTracking().Where(e => e.InvoiceId == invoiceId)
                .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e, u.FirstName, u.LastName })
                .ToListAsync(ct))
            .Select(x => new HeldDays(x.e.Id, LineOf(ordered, l => l.Description.StartsWith(x.e.Name + " – ", StringComparison.Ordinal)) ?? first,
                $"{x.FirstName} {x.LastName}".Trim(), x.e.Name, x.e.Kind, x.e.Days, x.e.Used, x.e.StartsOn, x.e.ExpiresOn, x.e.WithdrawnByInvoiceId is not null))
            .ToList();

        var forCompany = invoice.UserId is null && invoice.IsBusinessClient;
        var charged = await db.InvoicedBookings.AsNoTracking().Where(x => x.InvoiceId == invoiceId)
            .Join(db.Bookings.Include(b => b.Site).Include(b => b.Resource).Include(b => b.User), x => x.BookingId, b => b.Id, (x, b) => b)
            .ToListAsync(ct);
        var bookings = charged.Select(b => new HeldBooking(b.Id,
                LineOf(ordered, l => l.UnitPriceInclTaxCents == b.PriceCents && l.Description == MonthlyInvoicing.LineDescription(b, forCompany)) ?? first,
                b.Date, b.Site!.Name, b.Status == BookingStatus.Confirmed))
            .ToList();

        var facts = new List<HeldFact>();
        var registrations = await db.InvoicedRegistrations.AsNoTracking().Where(x => x.InvoiceId == invoiceId)
            .Join(db.EventRegistrations.Include(r => r.Event), x => x.RegistrationId, r => r.Id, (x, r) => r)
            .ToListAsync(ct);
        foreach (var r in registrations)
        {
            var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(r.Event!.StartUtc, Zone));
            facts.Add(new HeldFact(LineOf(ordered, l => l.Description.StartsWith(r.Event.Title + " – ", StringComparison.Ordinal)) ?? first,
                "L'inscription de {0} à « {1} » du {2} reste acquise : un avoir ne défait pas un événement.", [r.Name, r.Event.Title, date]));
        }
        foreach (var other in holdings)
        {
            facts.AddRange((await other.DescribeAsync(invoiceId, ct)).Select(t => new HeldFact(first, t.Text, t.Args)));
        }
        var due = await payments.DueCentsAsync(invoiceId, ct);
        return new CreditView(invoice, lines, days, bookings, facts, notes, paid, due, today);
    }

    /// <summary>What a credit note would be and undo, without issuing it.</summary>
    public static CreditPlan Plan(CreditView view, CreditAsk ask)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.IsCreditNote
            ? new CreditPlan([], [], [], [], new Dictionary<string, CreditText> { ["invoice"] = new(OnACreditNote) })
            : CreditRules.Plan(view.Lines, view.Days, view.Bookings, view.Facts, ask, view.Today);
    }

    /// <summary>
    /// Issues the credit note and undoes what it cancels, in one transaction. With <paramref name="expectedTotalCents"/>
    /// (what the confirmation screen showed), refused when the amount computed again differs.
    /// </summary>
    public async Task<CreditResult> IssueAsync(int invoiceId, CreditAsk ask, int? expectedTotalCents, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var kind = await db.Invoices.Where(i => i.Id == invoiceId).Select(i => (InvoiceKind?)i.Kind).FirstOrDefaultAsync(ct);
        if (kind is null)
        {
            return new CreditResult(CreditOutcome.UnknownInvoice);
        }
        if (kind == InvoiceKind.CreditNote)
        {
            return new CreditResult(CreditOutcome.IsCreditNote);
        }
        using var gate = await WriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await issuer.LockAsync(invoiceId, ct);
        var view = (await ViewAsync(invoiceId, ct))!;
        var plan = Plan(view, ask);
        if (!plan.IsValid)
        {
            await tx.RollbackAsync(CancellationToken.None);
            return new CreditResult(CreditOutcome.Refused, Plan: plan);
        }
        if (expectedTotalCents is { } expected && expected != plan.TotalInclTaxCents)
        {
            await tx.RollbackAsync(CancellationToken.None);
            return new CreditResult(CreditOutcome.Changed, Plan: plan);
        }
        var note = await issuer.IssueCreditNoteAsync(view.Invoice, [.. plan.Lines.Select(l => (l.Line, l.CreditedLineId))], ask.Reason!.Trim(), ct);
        foreach (var w in plan.Withdrawals)
        {
            // Applied only if the entitlement is as it was read: a day taken in between refuses the whole credit note.
            var changed = await db.Entitlements
                .Where(e => e.Id == w.EntitlementId && e.WithdrawnByInvoiceId == null && e.Used == w.ExpectedUsed && e.ExpiresOn == w.ExpectedExpiresOn)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.Days, w.NewDays)
                    .SetProperty(e => e.ExpiresOn, w.NewExpiresOn)
                    .SetProperty(e => e.WithdrawnDays, w.WithdrawnDays)
                    .SetProperty(e => e.WithdrawnByInvoiceId, note.Id), ct);
            if (changed != 1)
            {
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                return new CreditResult(CreditOutcome.Changed, Plan: plan);
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var booking in await db.Bookings.AsNoTracking().Where(b => plan.BookingsToCancel.Contains(b.Id)).ToListAsync(ct))
        {
            await places.CancelAsync(booking, late: false, now, ct);
        }
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new CreditResult(CreditOutcome.Issued, note, plan);
    }

    private static int? LineOf(List<InvoiceLine> lines, Func<InvoiceLine, bool> matches) =>
        lines.Count == 1 ? lines[0].Id : lines.FirstOrDefault(matches)?.Id;
}
