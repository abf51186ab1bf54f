using System.Globalization;
using Cotravail.Web.Common;
using Cotravail.Web.Common.Mail;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Billing.Entitlements;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Dunning;

/// <summary>
/// Dunning (ADR 0037): an e-mail to the client of an invoice still due (not paid, not fully credited) at each step of
/// <see cref="ReminderSchedule"/>, to the account's address or else the invoice's client address. Each reminder is
/// sent in a transaction of its own that locks the invoice (PostgreSQL) or holds the write gate (SQLite), checks again
/// that it is due and not sent, writes its <see cref="InvoiceReminder"/> (unique by invoice and step) and the mail to the
/// outbox: two instances never both send it, and a payment recorded meanwhile stops it.
/// </summary>
public sealed partial class PaymentReminders(
    AppDbContext db, IMailSender mail, TimeProvider clock, ReminderSchedule schedule, PublicAddress address, ILogger<PaymentReminders> logger)
{
    private const int Batch = 200;
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Sends the reminders due now; returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        if (schedule.Days.Count == 0)
        {
            return 0;
        }
        var today = ParisDay.Today(clock);
        var firstLimit = today.AddDays(-schedule.Days[0]);
        var steps = schedule.Days.Count;
        var sent = 0;
        var afterId = 0;
        while (true)
        {
            var candidates = await db.Invoices.AsNoTracking()
                .Where(i => i.Id > afterId && i.Kind == InvoiceKind.Invoice && i.DueDate <= firstLimit && (i.UserId != null || i.ClientEmail != null))
                .WithAmounts(db)
                .Where(r => r.Invoice.TotalInclTaxCents - r.CreditedCents - r.PaidCents > 0)
                .Select(r => new
                {
                    r.Invoice.Id, r.Invoice.DueDate,
                    Last = db.InvoiceReminders.Where(x => x.InvoiceId == r.Invoice.Id).Max(x => (int?)x.Step) ?? 0,
                    LastAtUtc = db.InvoiceReminders.Where(x => x.InvoiceId == r.Invoice.Id).Max(x => (DateTime?)x.SentAtUtc),
                })
                .Where(c => c.Last < steps)
                .OrderBy(c => c.Id).Take(Batch).ToListAsync(ct);
            foreach (var c in candidates)
            {
                var lastOn = c.LastAtUtc is { } at ? ParisDay.Of(at) : (DateOnly?)null;
                if (schedule.Due(c.DueDate, c.Last, lastOn, today) is { } step && await SendOneAsync(c.Id, step.Step, step.DaysAfterDue, today, ct))
                {
                    sent++;
                }
            }
            if (candidates.Count < Batch)
            {
                return sent;
            }
            afterId = candidates[^1].Id;
        }
    }

    private async Task<bool> SendOneAsync(int invoiceId, int step, int daysAfterDue, DateOnly today, CancellationToken ct)
    {
        using var gate = await WriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            // The same lock as a payment takes: a payment and a reminder of one invoice, or two instances' reminders, wait for each other.
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Invoices\" WHERE \"Id\" = {invoiceId} FOR UPDATE", ct);
        }
        var row = await db.Invoices.AsNoTracking().Where(i => i.Id == invoiceId).WithAmounts(db)
            .Select(r => new { Amounts = r, Last = db.InvoiceReminders.Where(x => x.InvoiceId == invoiceId).Max(x => (int?)x.Step) ?? 0 })
            .SingleAsync(ct);
        var due = row.Amounts.DueCents;
        if (due <= 0 || row.Last >= step)
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        var invoice = row.Amounts.Invoice;
        db.InvoiceReminders.Add(new InvoiceReminder
        {
            InvoiceId = invoiceId, Step = step, DaysAfterDue = daysAfterDue, SentAtUtc = clock.GetUtcNow().UtcDateTime, DueCents = due,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Another instance wrote this step first (its key is unique): it sends it, not us.
            LogTaken(logger, e, invoiceId, step);
            db.ChangeTracker.Clear();
            await tx.RollbackAsync(ct);
            return false;
        }
        var message = Compose(invoice, step, due, today);
        var written = invoice.UserId is { } userId && await mail.SendToAccountAsync(userId, message, ct);
        if (!written && invoice.ClientEmail is { Length: > 0 } email)
        {
            await mail.SendAsync(message with { To = email }, ct);
            written = true;
        }
        if (!written)
        {
            db.ChangeTracker.Clear();
            await tx.RollbackAsync(ct);
            return false;
        }
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>The reminder as the client reads it.</summary>
    internal OutgoingMail Compose(Invoice invoice, int step, int dueCents, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var amount = (dueCents / 100m).ToString("C2", French).Replace('\u202f', '\u00a0');
        var issued = Common.Format.Date(invoice.IssueDate, French);
        var dueOn = Common.Format.Date(invoice.DueDate, French);
        var late = today.DayNumber - invoice.DueDate.DayNumber;
        var subject = step == 1
            ? $"Rappel : facture {invoice.Number}, {amount} à régler"
            : $"Rappel n° {step} : facture {invoice.Number}, {amount} à régler";
        var paid = dueCents < invoice.TotalInclTaxCents ? $" (sur un total de {(invoice.TotalInclTaxCents / 100m).ToString("C2", French).Replace('\u202f', '\u00a0')})" : "";
        var text = new System.Text.StringBuilder()
            .Append("Bonjour,\n\n")
            .Append(step == 1 ? "Sauf erreur de notre part, " : "Nous nous permettons de revenir vers vous : sauf erreur de notre part, ")
            .Append(CultureInfo.InvariantCulture, $"la facture {invoice.Number} du {issued} n'est pas encore réglée. ")
            .Append(CultureInfo.InvariantCulture, $"Il reste {amount} à payer{paid} ; l'échéance était le {dueOn}, il y a {Common.Plurals.French(late, "{0} jour", "{0} jours")}.\n\n")
            .Append("Pour la régler :\n");
        if (invoice.IssuerIban is { Length: > 0 } iban)
        {
            text.Append(CultureInfo.InvariantCulture, $"- par virement au compte de {invoice.IssuerName} :\n  IBAN {BankAccount.Grouped(iban)}\n");
            if (invoice.IssuerBic is { Length: > 0 } bic)
            {
                text.Append(CultureInfo.InvariantCulture, $"  BIC {bic}\n");
            }
            text.Append(CultureInfo.InvariantCulture, $"  en indiquant « {invoice.Number} » comme référence du virement ;\n")
                .Append("- ou à l'accueil de votre tiers-lieu (espèces, chèque ou carte).\n\n");
        }
        else
        {
            text.Append("- à l'accueil de votre tiers-lieu (espèces, chèque ou carte).\n\n");
        }
        if (invoice.UserId is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Vos factures et ce qu'il vous reste à payer : {address.Absolute("/mes-factures")}\n\n");
        }
        text.Append("Si vous avez réglé cette facture entre-temps, merci de ne pas tenir compte de ce message. ")
            .Append("Pour toute question, l'équipe d'accueil de votre tiers-lieu est là pour vous répondre.\n\n")
            .Append(CultureInfo.InvariantCulture, $"Bien cordialement,\n{invoice.IssuerName}\n");
        return new OutgoingMail(invoice.ClientEmail ?? "", subject, text.ToString());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {Step} of invoice {InvoiceId} was written by another instance.")]
    private static partial void LogTaken(ILogger logger, Exception e, int invoiceId, int step);
}

/// <summary>Runs <see cref="PaymentReminders.SendDueAsync"/> every hour (<c>Billing:ReminderIntervalMinutes</c>, default 60).</summary>
public sealed class PaymentReminderWorker(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<PaymentReminderWorker> logger)
    : PeriodicWorker(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, config.GetValue("Billing:ReminderIntervalMinutes", 60)));

    protected override string Job => "invoice payment reminders";

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<PaymentReminders>().SendDueAsync(ct);
}
