using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Features.Booking;

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> b)
    {
        b.HasIndex(x => new { x.UserId, x.StartUtc });
        b.HasIndex(x => new { x.SiteId, x.Date });
        b.HasIndex(x => new { x.ResourceId, x.Date });
        // Only the bookings of a series: a plain booking (nearly all) adds no entry, and concurrent ones do not all
        // queue on the last page of an index of NULLs.
        b.HasIndex(x => x.SeriesId).HasFilter("\"SeriesId\" IS NOT NULL");
        b.Ignore(x => x.IsActive);
        b.HasOne(x => x.Site).WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Resource).WithMany().HasForeignKey(x => x.ResourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BookingSeries>().WithMany().HasForeignKey(x => x.SeriesId).OnDelete(DeleteBehavior.SetNull);
        b.ToTable(t => t.HasCheckConstraint("CK_Bookings_Span", "\"EndUtc\" > \"StartUtc\""));
    }
}

internal sealed class BookingSeriesConfiguration : IEntityTypeConfiguration<BookingSeries>
{
    public void Configure(EntityTypeBuilder<BookingSeries> b)
    {
        b.Property(x => x.Description).HasMaxLength(300);
        b.HasIndex(x => x.UserId);
    }
}

internal sealed class GuardConfiguration :
    IEntityTypeConfiguration<DeskDay>, IEntityTypeConfiguration<BookedHalf>, IEntityTypeConfiguration<BookedSlot>
{
    public void Configure(EntityTypeBuilder<DeskDay> b)
    {
        b.HasKey(x => new { x.ResourceId, x.Date });
        b.HasIndex(x => x.Date); // the observatory's current month: every pool's days after today
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_DeskDays_Morning", "\"Morning\" >= 0");
            t.HasCheckConstraint("CK_DeskDays_Afternoon", "\"Afternoon\" >= 0");
        });
    }

    public void Configure(EntityTypeBuilder<BookedHalf> b)
    {
        b.HasKey(x => new { x.ResourceId, x.Date, x.Half, x.UserId });
        b.HasIndex(x => x.BookingId);
    }

    public void Configure(EntityTypeBuilder<BookedSlot> b)
    {
        b.HasKey(x => new { x.ResourceId, x.StartUtc });
        b.HasIndex(x => x.BookingId);
    }
}
