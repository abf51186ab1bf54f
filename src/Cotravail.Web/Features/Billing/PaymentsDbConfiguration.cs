using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Features.Billing;

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>, IEntityTypeConfiguration<CashUp>,
    IEntityTypeConfiguration<Receipt>, IEntityTypeConfiguration<ReceiptSequence>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.Property(p => p.ChequeNumber).HasMaxLength(30);
        b.Property(p => p.ChequeBank).HasMaxLength(80);
        b.Property(p => p.Reference).HasMaxLength(100);
        b.HasIndex(p => p.InvoiceId);
        b.HasIndex(p => new { p.SiteId, p.Method, p.CashUpId });
        b.HasOne<Invoice>().WithMany().HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CashUp>().WithMany().HasForeignKey(p => p.CashUpId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Receipt>().WithMany().HasForeignKey(p => p.ReceiptId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_Payments_Amount", "\"AmountCents\" > 0"));
    }

    public void Configure(EntityTypeBuilder<CashUp> b)
    {
        b.Property(c => c.Comment).HasMaxLength(500);
        // One cash-up per site and day; corrections of it are further rows linked to it.
        b.HasIndex(c => new { c.SiteId, c.Date }).IsUnique().HasFilter("\"CorrectsCashUpId\" IS NULL");
        b.HasIndex(c => c.CorrectsCashUpId);
        b.HasOne<CashUp>().WithMany().HasForeignKey(c => c.CorrectsCashUpId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Receipt> b)
    {
        b.Property(r => r.Number).HasMaxLength(30);
        b.Property(r => r.PayerName).HasMaxLength(200);
        b.Property(r => r.PayerUserId).HasMaxLength(450);
        b.Property(r => r.RecordedByUserId).HasMaxLength(450);
        b.HasIndex(r => new { r.NetworkId, r.Year, r.Sequence }).IsUnique();
        b.HasIndex(r => r.SiteId);
        b.ToTable(t => t.HasCheckConstraint("CK_Receipts_Total", "\"TotalCents\" > 0"));
    }

    public void Configure(EntityTypeBuilder<ReceiptSequence> b) => b.HasKey(s => new { s.NetworkId, s.Year });
}
