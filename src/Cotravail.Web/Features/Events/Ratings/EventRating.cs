using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Features.Events.Ratings;

/// <summary>A participant's rating of an event after it: 1 to 5 and an optional comment; one per registration.</summary>
public sealed class EventRating
{
    public int RegistrationId { get; set; }
    public int EventId { get; set; }
    public int Score { get; set; }
    public string? Comment { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class EventRatingConfiguration : IEntityTypeConfiguration<EventRating>
{
    public void Configure(EntityTypeBuilder<EventRating> b)
    {
        b.HasKey(r => r.RegistrationId);
        b.HasIndex(r => r.EventId);
        b.Property(r => r.Comment).HasMaxLength(1000);
        b.HasOne<Registration>().WithMany().HasForeignKey(r => r.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("CK_EventRatings_Score", "\"Score\" BETWEEN 1 AND 5"));
    }
}
