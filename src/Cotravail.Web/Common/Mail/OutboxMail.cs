using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Common.Mail;

/// <summary>
/// An e-mail waiting to be sent. The request that writes it does not wait for the SMTP server; <see cref="MailDispatcher"/>
/// sends it, tries again later when the server is away, and deletes it once sent.
/// </summary>
public sealed class OutboxMail
{
    public long Id { get; set; }

    /// <summary>The recipient, also inside <see cref="Payload"/>: kept apart for the log and for erasure.</summary>
    public string To { get; set; } = "";

    /// <summary>The <see cref="OutgoingMail"/> as JSON (subject, bodies, attachments).</summary>
    public string Payload { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Not sent before this moment: the creation, or the next try after a failure.</summary>
    public DateTime DueAtUtc { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>The dispatcher run sending it; another run leaves it alone until <see cref="ClaimedUntilUtc"/>.</summary>
    public Guid? ClaimedBy { get; set; }

    public DateTime? ClaimedUntilUtc { get; set; }
}

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> b)
    {
        b.ToTable("OutboxMails");
        b.Property(x => x.To).HasMaxLength(320);
        b.Property(x => x.LastError).HasMaxLength(500);
        b.HasIndex(x => x.DueAtUtc);
        b.HasIndex(x => x.ClaimedBy);
    }
}
