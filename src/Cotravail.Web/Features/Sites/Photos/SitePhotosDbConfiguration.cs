using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Features.Sites.Photos;

public static class SitePhotosDb
{
    public static DbSet<SitePhoto> SitePhotos(this AppDbContext db) => db.Set<SitePhoto>();

    public static DbSet<SitePhotoVariant> SitePhotoVariants(this AppDbContext db) => db.Set<SitePhotoVariant>();
}

internal sealed class SitePhotoConfiguration : IEntityTypeConfiguration<SitePhoto>, IEntityTypeConfiguration<SitePhotoVariant>
{
    public void Configure(EntityTypeBuilder<SitePhoto> b)
    {
        b.Property(p => p.Description).HasMaxLength(SitePhotoRules.MaxDescription);
        b.Property(p => p.Version).HasMaxLength(16);
        b.HasIndex(p => new { p.SiteId, p.SortOrder });
        b.HasOne<Site>().WithMany().HasForeignKey(p => p.SiteId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Variants).WithOne().HasForeignKey(v => v.PhotoId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SitePhotoVariant> b)
    {
        b.Property(v => v.Format).HasMaxLength(4);
        b.HasIndex(v => new { v.PhotoId, v.Width, v.Format }).IsUnique();
    }
}
