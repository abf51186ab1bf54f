namespace Cotravail.Web.Features.Booking;

/// <summary>A member's private calendar feed: a secret token in its URL, which the member can regenerate.</summary>
public sealed class CalendarFeed
{
    public string UserId { get; set; } = "";
    public string Token { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class CalendarFeedConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<CalendarFeed> b)
    {
        b.HasKey(x => x.UserId);
        b.Property(x => x.Token).HasMaxLength(64);
        b.HasIndex(x => x.Token).IsUnique();
    }
}
