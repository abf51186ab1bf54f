using Microsoft.EntityFrameworkCore;
using Cotravail.Web.Features.Events.Cancellation;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Features.Events;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> b)
    {
        b.Property(x => x.Title).HasMaxLength(160);
        b.Property(x => x.Description).HasMaxLength(8000);
        b.Property(x => x.OnlineUrl).HasMaxLength(500);
        b.Property(x => x.OrganiserName).HasMaxLength(160);
        b.Property(x => x.Tags).HasMaxLength(300);
        b.Property(x => x.CreatedByUserId).HasMaxLength(450);
        b.Property(x => x.ReviewMessage).HasMaxLength(2000);
        b.Property(x => x.CancellationReason).HasMaxLength(EventCancellations.MaxReasonLength);
        b.HasIndex(x => new { x.Status, x.StartUtc });
        b.HasIndex(x => new { x.SiteId, x.StartUtc });
        b.HasIndex(x => x.SeriesId);
        b.HasOne(x => x.Site).WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.Remaining);
        b.Ignore(x => x.IsOnline);
        b.Ignore(x => x.IsFree);
        b.Ignore(x => x.RegistrationClosesAtUtc);
        b.Ignore(x => x.TagList);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Events_Span", "\"EndUtc\" > \"StartUtc\"");
            t.HasCheckConstraint("CK_Events_Places", "\"Registered\" >= 0 AND \"Registered\" <= \"Capacity\"");
            t.HasCheckConstraint("CK_Events_Price", "\"PriceCents\" >= 0");
        });
    }
}

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> b)
    {
        b.Property(x => x.Name).HasMaxLength(160);
        b.Property(x => x.Email).HasMaxLength(256);
        b.Property(x => x.Postcode).HasMaxLength(10);
        b.Property(x => x.Phone).HasMaxLength(30);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Ignore(x => x.IsActive);
        b.Ignore(x => x.HoldsPlace);
        b.Ignore(x => x.HasEmail);
        // One active registration per event and e-mail address: the same person twice is refused by the database.
        b.HasIndex(x => new { x.EventId, x.Email }).IsUnique().HasFilter("\"CancelledAtUtc\" IS NULL")
            .HasDatabaseName("IX_EventRegistrations_Active_Email");
        b.HasIndex(x => new { x.EventId, x.Status, x.WaitlistPosition });
        b.HasIndex(x => x.UserId);
        b.HasIndex(x => new { x.Status, x.ReminderSentAtUtc });
        b.HasIndex(x => new { x.Attended, x.Status }); // the observatory's absentees, few among many registrations
        b.HasOne(x => x.Event).WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
        b.ToTable("EventRegistrations");
    }
}
