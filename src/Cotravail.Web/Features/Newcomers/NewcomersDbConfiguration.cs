using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Features.Newcomers;

/// <summary>The tables of Newcomers; the lengths are those of <see cref="RequestForm"/>.</summary>
internal sealed class NewcomersDbConfiguration :
    IEntityTypeConfiguration<NewcomerRequest>, IEntityTypeConfiguration<RequestEntry>, IEntityTypeConfiguration<TerritorySection>, IEntityTypeConfiguration<TerritorySectionImage>,
    IEntityTypeConfiguration<Testimony>, IEntityTypeConfiguration<Ambassador>, IEntityTypeConfiguration<Introduction>,
    IEntityTypeConfiguration<RelayMessage>
{
    public void Configure(EntityTypeBuilder<NewcomerRequest> b)
    {
        b.ToTable("NewcomerRequests");
        b.Property(r => r.Kind).HasMaxLength(10);
        b.Property(r => r.Name).HasMaxLength(RequestForm.NameMax);
        b.Property(r => r.Organisation).HasMaxLength(RequestForm.NameMax);
        b.Property(r => r.Email).HasMaxLength(254);
        b.Property(r => r.Phone).HasMaxLength(30);
        b.Property(r => r.Project).HasMaxLength(20);
        b.Property(r => r.OriginPostcode).HasMaxLength(5);
        b.Property(r => r.OriginCountry).HasMaxLength(80);
        b.Property(r => r.Department).HasMaxLength(3);
        b.Property(r => r.Region).HasMaxLength(60);
        b.Property(r => r.Needs).HasMaxLength(100);
        b.Property(r => r.Message).HasMaxLength(RequestForm.MessageMax);
        b.Ignore(r => r.NeedList);
        b.HasIndex(r => new { r.NetworkId, r.Status, r.CreatedAtUtc });
        b.HasOne<Sites.Network>().WithMany().HasForeignKey(r => r.NetworkId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.History).WithOne().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RequestEntry> b)
    {
        b.ToTable("NewcomerRequestEntries");
        b.Property(e => e.Text).HasMaxLength(RequestForm.MessageMax + 200);
        b.Property(e => e.ByName).HasMaxLength(200);
        b.HasIndex(e => e.RequestId);
    }

    public void Configure(EntityTypeBuilder<TerritorySection> b)
    {
        b.ToTable("TerritorySections");
        b.Property(s => s.Title).HasMaxLength(SectionInput.TitleMax);
        b.Property(s => s.Body).HasMaxLength(SectionInput.BodyMax);
        b.HasIndex(s => new { s.NetworkId, s.SortOrder });
        b.Property(s => s.ImageContentType).HasMaxLength(20);
        b.Property(s => s.ImageAlt).HasMaxLength(SectionInput.ImageAltMax);
        b.HasOne<Sites.Network>().WithMany().HasForeignKey(s => s.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TerritorySectionImage> b)
    {
        b.ToTable("TerritorySectionImages");
        b.HasKey(i => i.SectionId);
        b.HasOne<TerritorySection>().WithOne().HasForeignKey<TerritorySectionImage>(i => i.SectionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Testimony> b)
    {
        b.ToTable("Testimonies");
        b.Property(t => t.AuthorName).HasMaxLength(120);
        b.Property(t => t.Commune).HasMaxLength(80);
        b.Property(t => t.Text).HasMaxLength(TestimonyInput.TextMax);
        b.HasIndex(t => new { t.NetworkId, t.Status });
        b.HasIndex(t => t.UserId);
        b.HasOne<Sites.Network>().WithMany().HasForeignKey(t => t.NetworkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Ambassador> b)
    {
        b.ToTable("Ambassadors");
        b.Property(a => a.Sectors).HasMaxLength(AmbassadorInput.TextMax);
        b.Property(a => a.Communes).HasMaxLength(AmbassadorInput.TextMax);
        b.HasIndex(a => a.UserId).IsUnique();
        b.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Introduction> b)
    {
        b.ToTable("NewcomerIntroductions");
        b.HasIndex(i => i.RequestId);
        b.HasIndex(i => i.AmbassadorId);
        b.HasOne(i => i.Request).WithMany().HasForeignKey(i => i.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(i => i.Ambassador).WithMany().HasForeignKey(i => i.AmbassadorId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Messages).WithOne().HasForeignKey(m => m.IntroductionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RelayMessage> b)
    {
        b.ToTable("NewcomerRelayMessages");
        b.Property(m => m.Body).HasMaxLength(RelayInput.BodyMax);
        b.HasIndex(m => new { m.IntroductionId, m.AtUtc });
    }
}
