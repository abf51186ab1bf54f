using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Features.Access.Doors;

internal sealed class DoorsDbConfiguration : IEntityTypeConfiguration<SiteDoorAccess>, IEntityTypeConfiguration<DoorGrant>
{
    public void Configure(EntityTypeBuilder<SiteDoorAccess> b)
    {
        b.ToTable("SiteDoorAccess");
        b.HasIndex(a => a.SiteId).IsUnique();
        b.Property(a => a.LockUrl).HasMaxLength(500);
        b.Property(a => a.LockSecretProtected).HasMaxLength(4000);
        b.Property(a => a.CodeKeyProtected).HasMaxLength(2000);
        b.Property(a => a.UpdatedByUserId).HasMaxLength(450);
        b.HasOne<Site>().WithMany().HasForeignKey(a => a.SiteId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Network>().WithMany().HasForeignKey(a => a.NetworkId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<DoorGrant> b)
    {
        b.ToTable("DoorGrants");
        b.HasIndex(g => new { g.SiteId, g.Kind, g.SourceId, g.FromUtc }).IsUnique();
        b.HasIndex(g => new { g.State, g.NextTryUtc });
        b.HasIndex(g => g.UserId);
        b.Property(g => g.UserId).HasMaxLength(450);
        b.Property(g => g.Code).HasMaxLength(6);
        b.Property(g => g.LockReference).HasMaxLength(200);
        b.Property(g => g.LastError).HasMaxLength(300);
        b.HasOne<Site>().WithMany().HasForeignKey(g => g.SiteId).OnDelete(DeleteBehavior.Cascade);
    }
}
