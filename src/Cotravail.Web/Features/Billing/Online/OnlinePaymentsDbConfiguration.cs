using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Features.Billing.Online;

internal sealed class OnlinePaymentsDbConfiguration : IEntityTypeConfiguration<NetworkPaymentProvider>, IEntityTypeConfiguration<OnlinePayment>,
    IEntityTypeConfiguration<SepaMandate>
{
    public void Configure(EntityTypeBuilder<NetworkPaymentProvider> b)
    {
        b.HasIndex(p => p.NetworkId).IsUnique();
        b.Property(p => p.PayFipNumcli).HasMaxLength(6);
        b.Property(p => p.PayFipSaisie).HasMaxLength(1);
        b.Property(p => p.StripeSecretKeyProtected).HasMaxLength(2000);
        b.Property(p => p.StripeWebhookSecretProtected).HasMaxLength(2000);
        b.Property(p => p.UpdatedByUserId).HasMaxLength(450);
        b.HasOne<Network>().WithMany().HasForeignKey(p => p.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<OnlinePayment> b)
    {
        b.Property(p => p.UserId).HasMaxLength(450);
        b.Property(p => p.ProviderReference).HasMaxLength(100);
        b.Property(p => p.Detail).HasMaxLength(300);
        b.HasIndex(p => new { p.Provider, p.ProviderReference }).IsUnique();
        b.HasIndex(p => new { p.NetworkId, p.Status });
        b.HasIndex(p => p.InvoiceId);
        // One charge of an invoice to a SEPA mandate pending or paid at a time, whichever instance sends it.
        b.HasIndex(p => p.InvoiceId, "IX_OnlinePayments_MandateCharge").IsUnique().HasFilter("\"Purpose\" = 2 AND \"Status\" IN (0, 1)");
        b.HasOne<Network>().WithMany().HasForeignKey(p => p.NetworkId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Invoice>().WithMany().HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Payment>().WithMany().HasForeignKey(p => p.PaymentId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_OnlinePayments_Amount", "\"AmountCents\" >= 0"));
    }

    public void Configure(EntityTypeBuilder<SepaMandate> b)
    {
        b.Property(m => m.UserId).HasMaxLength(450);
        b.Property(m => m.CustomerId).HasMaxLength(100);
        b.Property(m => m.PaymentMethodId).HasMaxLength(100);
        b.HasIndex(m => new { m.NetworkId, m.UserId });
        b.HasOne<Network>().WithMany().HasForeignKey(m => m.NetworkId).OnDelete(DeleteBehavior.Restrict);
    }
}
