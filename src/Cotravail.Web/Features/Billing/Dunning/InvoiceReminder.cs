using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Features.Billing.Dunning;

/// <summary>
/// A payment reminder (relance) e-mailed for an invoice: step 1 at the due date + the first configured delay, step 2 at
/// the second… Its key (invoice, step) makes each step go once, whatever instance sends it. Never changed.
/// </summary>
public sealed class InvoiceReminder
{
    public int InvoiceId { get; set; }

    /// <summary>1 for the first reminder, 2 for the second…</summary>
    public int Step { get; set; }

    /// <summary>The delay after the due date this step was sent for (the setting may change later).</summary>
    public int DaysAfterDue { get; set; }

    public DateTime SentAtUtc { get; set; }

    /// <summary>What was still due when it was sent.</summary>
    public int DueCents { get; set; }
}

internal sealed class InvoiceReminderConfiguration : IEntityTypeConfiguration<InvoiceReminder>
{
    public void Configure(EntityTypeBuilder<InvoiceReminder> b)
    {
        b.HasKey(r => new { r.InvoiceId, r.Step });
        b.HasOne<Invoice>().WithMany().HasForeignKey(r => r.InvoiceId).OnDelete(DeleteBehavior.Restrict);
    }
}
