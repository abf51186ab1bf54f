using Cotravail.Web.Features.Billing.Entitlements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Features.Billing.Products;

internal sealed class ProductsConfiguration : IEntityTypeConfiguration<Product>, IEntityTypeConfiguration<MemberCategoryGrant>,
    IEntityTypeConfiguration<Entitlement>, IEntityTypeConfiguration<CoveredBooking>, IEntityTypeConfiguration<DiscoveryDay>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.HasIndex(p => new { p.SiteId, p.Kind });
        b.Property(p => p.Name).HasMaxLength(120);
        b.HasOne(p => p.Site).WithMany().HasForeignKey(p => p.SiteId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Products_Prices", "\"PriceCents\" >= 0 AND (\"JobSeekerPriceCents\" IS NULL OR \"JobSeekerPriceCents\" >= 0) AND (\"StudentPriceCents\" IS NULL OR \"StudentPriceCents\" >= 0)");
            t.HasCheckConstraint("CK_Products_Days", "(\"Days\" IS NULL OR \"Days\" > 0) AND (\"ValidityMonths\" IS NULL OR \"ValidityMonths\" > 0)");
        });
    }

    public void Configure(EntityTypeBuilder<MemberCategoryGrant> b)
    {
        b.HasIndex(g => new { g.NetworkId, g.UserId, g.Category }).IsUnique();
        b.Property(g => g.UserId).HasMaxLength(450);
        b.Property(g => g.ValidatedByUserId).HasMaxLength(450);
    }

    public void Configure(EntityTypeBuilder<Entitlement> b)
    {
        b.HasIndex(e => new { e.UserId, e.ExpiresOn });
        b.HasIndex(e => e.ExpiryReminderClaimId);
        b.Property(e => e.Name).HasMaxLength(120);
        b.Property(e => e.UserId).HasMaxLength(450);
        b.Property(e => e.SoldByUserId).HasMaxLength(450);
        b.HasOne<Product>().WithMany().HasForeignKey(e => e.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Invoice>().WithMany().HasForeignKey(e => e.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Invoice>().WithMany().HasForeignKey(e => e.WithdrawnByInvoiceId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_Entitlements_Used", "\"Used\" >= 0 AND (\"Days\" IS NULL OR \"Used\" <= \"Days\")"));
    }

    public void Configure(EntityTypeBuilder<CoveredBooking> b)
    {
        b.HasKey(c => c.BookingId);
        b.HasIndex(c => c.EntitlementId);
        b.HasOne<Booking.Booking>().WithMany().HasForeignKey(c => c.BookingId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DiscoveryDay> b)
    {
        b.HasKey(d => d.UserId);
        b.Property(d => d.UserId).HasMaxLength(450);
        b.HasIndex(d => d.BookingId).IsUnique();
        b.Property(d => d.EmailKey).HasMaxLength(256);
        b.HasIndex(d => d.EmailKey).IsUnique();
    }
}
