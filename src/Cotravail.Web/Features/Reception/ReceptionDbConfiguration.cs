using Cotravail.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Features.Reception;

internal sealed class ReceptionConfiguration :
    IEntityTypeConfiguration<Visitor>, IEntityTypeConfiguration<Visit>, IEntityTypeConfiguration<NoShowRun>, IEntityTypeConfiguration<ArrivalKey>
{
    public void Configure(EntityTypeBuilder<Visitor> b)
    {
        b.Property(x => x.FirstName).HasMaxLength(100);
        b.Property(x => x.LastName).HasMaxLength(100);
        b.Property(x => x.SearchKey).HasMaxLength(201);
        b.Property(x => x.Email).HasMaxLength(256);
        b.Property(x => x.Postcode).HasMaxLength(10);
        b.Property(x => x.CommuneInsee).HasMaxLength(5);
        b.Ignore(x => x.DisplayName);
        b.HasIndex(x => x.UserId).IsUnique().HasFilter("\"UserId\" IS NOT NULL");
        b.HasIndex(x => x.SearchKey);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.Property(x => x.Postcode).HasMaxLength(10);
        b.Property(x => x.CommuneInsee).HasMaxLength(5);
        b.Property(x => x.Pass).HasMaxLength(100);
        // Nobody is present twice at once: one open visit per person, guarded by the database.
        b.HasIndex(x => x.VisitorId).IsUnique().HasFilter("\"DepartedAtUtc\" IS NULL").HasDatabaseName("IX_Visits_OpenPerVisitor");
        b.HasIndex(x => new { x.SiteId, x.Date });
        b.HasIndex(x => x.BookingId);
        b.HasIndex(x => x.UserId);
        b.HasIndex(x => new { x.VisitorId, x.ArrivedAtUtc }); // a person's visits: export, retention
        b.HasOne(x => x.Site).WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Visitor).WithMany().HasForeignKey(x => x.VisitorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Resource).WithMany().HasForeignKey(x => x.ResourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Booking.Booking>().WithMany().HasForeignKey(x => x.BookingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Billing.Invoice>().WithMany().HasForeignKey(x => x.InvoiceId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<NoShowRun> b) => b.HasKey(x => new { x.SiteId, x.Date });

    public void Configure(EntityTypeBuilder<ArrivalKey> b)
    {
        b.HasKey(x => x.SiteId);
        b.Property(x => x.SiteId).ValueGeneratedNever();
        b.Property(x => x.Secret).HasMaxLength(32);
    }
}
