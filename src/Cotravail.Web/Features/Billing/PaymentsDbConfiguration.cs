using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Features.Billing;

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>, IEntityTypeConfiguration<CashUp>
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
        b.ToTable(t => t.HasCheckConstraint("CK_Payments_Amount", "\"AmountCents\" > 0"));
    }

    public void Configure(EntityTypeBuilder<CashUp> b)
    {
        b.Property(c => c.Comment).HasMaxLength(500);
        b.HasIndex(c => new { c.SiteId, c.Date });
    }
}
