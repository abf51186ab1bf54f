using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Features.Access.Wifi;

public static class WifiDb
{
    public static DbSet<WifiSite> WifiSites(this AppDbContext db) => db.Set<WifiSite>();

    public static DbSet<WifiCode> WifiCodes(this AppDbContext db) => db.Set<WifiCode>();
}

internal sealed class WifiConfiguration : IEntityTypeConfiguration<WifiSite>, IEntityTypeConfiguration<WifiCode>
{
    public void Configure(EntityTypeBuilder<WifiSite> b)
    {
        b.ToTable("WifiSites");
        b.HasKey(x => x.SiteId);
        b.Property(x => x.SiteId).ValueGeneratedNever();
        b.Property(x => x.NasIdentifier).HasMaxLength(WifiRules.MaxNasIdentifier);
        b.Property(x => x.GuestSecret).HasMaxLength(64);
        b.HasIndex(x => x.NasIdentifier).IsUnique();
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<WifiCode> b)
    {
        b.ToTable("WifiCodes");
        b.HasKey(x => x.UserId);
        b.Property(x => x.Code).HasMaxLength(16);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
