using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Features.Billing;

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>, IEntityTypeConfiguration<InvoiceLine>,
    IEntityTypeConfiguration<InvoiceSequence>, IEntityTypeConfiguration<InvoicedBooking>
{
    public void Configure(EntityTypeBuilder<Invoice> b)
    {
        b.HasIndex(i => new { i.NetworkId, i.Number }).IsUnique();
        b.HasIndex(i => new { i.NetworkId, i.Year, i.Sequence }).IsUnique();
        b.HasIndex(i => new { i.UserId, i.IssueDate });
        // Several credit notes may credit parts of one invoice; what each line has left to credit is checked under a lock (CreditNotes).
        b.HasIndex(i => i.CreditedInvoiceId);
        b.Property(i => i.Number).HasMaxLength(30);
        b.Property(i => i.CreditedInvoiceNumber).HasMaxLength(30);
        b.Property(i => i.IssuerName).HasMaxLength(200);
        b.Property(i => i.IssuerAddress).HasMaxLength(300);
        b.Property(i => i.IssuerSiret).HasMaxLength(14);
        b.Property(i => i.IssuerVatNumber).HasMaxLength(20);
        b.Property(i => i.IssuerIban).HasMaxLength(34);
        b.Property(i => i.IssuerBic).HasMaxLength(11);
        b.Property(i => i.VatMention).HasMaxLength(200);
        b.Property(i => i.ClientName).HasMaxLength(200);
        b.Property(i => i.ClientAddress).HasMaxLength(300);
        b.Property(i => i.ClientEmail).HasMaxLength(256);
        b.Property(i => i.ClientSiret).HasMaxLength(14);
        b.Property(i => i.PaymentTerms).HasMaxLength(300);
        b.Property(i => i.CreditReason).HasMaxLength(500);
        b.HasOne(i => i.Network).WithMany().HasForeignKey(i => i.NetworkId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Invoice>().WithMany().HasForeignKey(i => i.CreditedInvoiceId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_Invoices_Totals", "\"TotalExclTaxCents\" + \"VatCents\" = \"TotalInclTaxCents\""));
    }

    public void Configure(EntityTypeBuilder<InvoiceLine> b)
    {
        b.Property(l => l.Description).HasMaxLength(300);
        b.HasIndex(l => l.CreditedLineId);
        b.HasOne<InvoiceLine>().WithMany().HasForeignKey(l => l.CreditedLineId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_InvoiceLines_Quantity", "\"Quantity\" >= 1"));
    }

    public void Configure(EntityTypeBuilder<InvoiceSequence> b) => b.HasKey(s => new { s.NetworkId, s.Year });

    public void Configure(EntityTypeBuilder<InvoicedBooking> b)
    {
        b.HasKey(x => x.BookingId);
        b.HasIndex(x => x.InvoiceId);
    }
}
