using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Features.Sites;

internal sealed class NetworkConfiguration : IEntityTypeConfiguration<Network>
{
    public void Configure(EntityTypeBuilder<Network> b)
    {
        b.Property(n => n.Name).HasMaxLength(120);
        b.Property(n => n.Slug).HasMaxLength(80);
        b.HasIndex(n => n.Slug).IsUnique();
        b.Property(n => n.LegalName).HasMaxLength(200);
        b.Property(n => n.LegalAddress).HasMaxLength(300);
        b.Property(n => n.Siret).HasMaxLength(14);
        b.Property(n => n.EpciSiren).HasMaxLength(9);
        b.Property(n => n.VatNumber).HasMaxLength(20);
        b.Property(n => n.ContactEmail).HasMaxLength(256);
        b.Property(n => n.Iban).HasMaxLength(34);
        b.Property(n => n.Bic).HasMaxLength(11);
        b.Property(n => n.VatExemptionMention).HasMaxLength(200);
        b.Property(n => n.InvoicePrefix).HasMaxLength(10);
    }
}

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> b)
    {
        b.Property(s => s.Name).HasMaxLength(120);
        b.Property(s => s.Slug).HasMaxLength(80);
        b.HasIndex(s => s.Slug).IsUnique();
        b.Property(s => s.Commune).HasMaxLength(80);
        b.Property(s => s.Postcode).HasMaxLength(5);
        b.Property(s => s.Address).HasMaxLength(200);
        b.Property(s => s.Description).HasMaxLength(4000);
        b.Property(s => s.ServicesNearby).HasMaxLength(2000);
        b.Property(s => s.ContactEmail).HasMaxLength(256);
        b.Property(s => s.Phone).HasMaxLength(30);
        b.Property(s => s.TimeZone).HasMaxLength(64);
        b.Ignore(s => s.ServicesList);
        b.HasOne(s => s.Network).WithMany(n => n.Sites).HasForeignKey(s => s.NetworkId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Resources).WithOne(r => r.Site).HasForeignKey(r => r.SiteId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.OpeningHours).WithOne().HasForeignKey(h => h.SiteId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Closures).WithOne().HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Hosts).WithOne(h => h.Site).HasForeignKey(h => h.SiteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> b)
    {
        b.Property(r => r.Name).HasMaxLength(120);
        b.Property(r => r.Description).HasMaxLength(1000);
        b.ToTable(t => t.HasCheckConstraint("CK_Resources_Capacity", "\"Capacity\" >= 1"));
    }
}

internal sealed class OpeningHoursConfiguration : IEntityTypeConfiguration<OpeningHours>
{
    public void Configure(EntityTypeBuilder<OpeningHours> b) => b.HasIndex(h => new { h.SiteId, h.Day }).IsUnique();
}

internal sealed class ClosureConfiguration : IEntityTypeConfiguration<Closure>
{
    public void Configure(EntityTypeBuilder<Closure> b)
    {
        b.Property(c => c.Reason).HasMaxLength(200);
        b.HasIndex(c => new { c.SiteId, c.StartDate });
    }
}

internal sealed class StaffConfiguration : IEntityTypeConfiguration<SiteHost>, IEntityTypeConfiguration<NetworkManager>
{
    public void Configure(EntityTypeBuilder<SiteHost> b)
    {
        b.HasKey(h => new { h.SiteId, h.UserId });
        b.HasOne(h => h.User).WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<NetworkManager> b)
    {
        b.HasKey(m => new { m.NetworkId, m.UserId });
        b.HasOne(m => m.Network).WithMany().HasForeignKey(m => m.NetworkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
