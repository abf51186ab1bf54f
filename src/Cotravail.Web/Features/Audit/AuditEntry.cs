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
/// One entry of the audit log, for one save (ADR 0044): who (<see cref="ActorId"/>, null for the application itself),
/// from which address, when, did what to which records, with the fields changed. Written in the transaction of the
/// change; never updated nor deleted by the application. The entry is named by its main record
/// (<see cref="EntityType"/>, <see cref="EntityKey"/>, <see cref="Action"/>); <see cref="Changes"/> lists every record
/// (<see cref="AuditItem"/>).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string? ActorId { get; set; }
    public string? Ip { get; set; }

    /// <summary>The network the record belongs to: only its managers read the line. Null for a person's role.</summary>
    public int? NetworkId { get; set; }

    /// <summary>The site the records belong to, when they all belong to one (for the journal's filter and link).</summary>
    public int? SiteId { get; set; }

    /// <summary>The kind of the main record, by its code name (<c>Payment</c>, <c>Booking</c>…): see <see cref="AuditedTypes"/>.</summary>
    public string EntityType { get; set; } = "";
    public string EntityKey { get; set; } = "";
    public AuditAction Action { get; set; }

    /// <summary>The person the record belongs to (a booking's member…), when it is someone else's.</summary>
    public string? SubjectUserId { get; set; }

    /// <summary>
    /// The records changed and their fields, as JSON (<see cref="AuditItem"/>; no password, hash, token nor field the
    /// type's vocabulary hides). Entries written before ADR 0044 hold one record's fields: <c>{"Field": ["old", "new"]}</c>.
    /// </summary>
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
        builder.HasIndex(e => new { e.SiteId, e.AtUtc });
    }
}
