using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Common.Security.RateLimiting;

/// <summary>
/// One fixed-window counter shared by every instance of the application: how many attempts <see cref="Key"/>
/// (a policy and a hashed IP address or account) made in the window that started at <see cref="Window"/>.
/// </summary>
public sealed class RateLimitCounter
{
    public string Key { get; set; } = "";

    /// <summary>Start of the current window, in seconds since 1970 (UTC).</summary>
    public long Window { get; set; }

    public int Count { get; set; }
}

internal sealed class RateLimitCounterConfiguration : IEntityTypeConfiguration<RateLimitCounter>
{
    public void Configure(EntityTypeBuilder<RateLimitCounter> builder)
    {
        builder.ToTable("RateLimitCounters");
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(100);
    }
}
