using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Features.Audit;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>
/// One line of the audit log: who (<see cref="ActorId"/>, null for the application itself), from which address,
/// when, did what to which record, with the fields changed. Written in the transaction of the change; never
/// updated nor deleted by the application.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string? ActorId { get; set; }
    public string? Ip { get; set; }

    /// <summary>The network the record belongs to: only its managers read the line. Null for a person's role.</summary>
    public int? NetworkId { get; set; }

    /// <summary>The kind of record, by its code name (<c>Payment</c>, <c>Booking</c>…): see <see cref="AuditedTypes"/>.</summary>
    public string EntityType { get; set; } = "";
    public string EntityKey { get; set; } = "";
    public AuditAction Action { get; set; }

    /// <summary>The person the record belongs to (a booking's member…), when it is someone else's.</summary>
    public string? SubjectUserId { get; set; }

    /// <summary>The fields changed, as JSON: <c>{"Field": ["old", "new"]}</c> (no password, hash or token ever).</summary>
    public string? Changes { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(e => e.ActorId).HasMaxLength(450);
        builder.Property(e => e.Ip).HasMaxLength(45);
        builder.Property(e => e.EntityType).HasMaxLength(64);
        builder.Property(e => e.EntityKey).HasMaxLength(100);
        builder.Property(e => e.SubjectUserId).HasMaxLength(450);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(e => e.AtUtc);
        builder.HasIndex(e => new { e.ActorId, e.AtUtc });
        builder.HasIndex(e => new { e.EntityType, e.AtUtc });
        builder.HasIndex(e => new { e.NetworkId, e.AtUtc });
    }
}
