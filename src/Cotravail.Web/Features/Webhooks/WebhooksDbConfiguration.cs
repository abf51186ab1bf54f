using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Features.Webhooks;

internal sealed class WebhooksDbConfiguration : IEntityTypeConfiguration<WebhookEndpoint>, IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> b)
    {
        b.ToTable("WebhookEndpoints");
        b.Property(e => e.Url).HasMaxLength(WebhookInput.MaxUrl);
        b.Property(e => e.Description).HasMaxLength(WebhookInput.MaxDescription);
        b.Property(e => e.SecretProtected).HasMaxLength(2000);
        b.Property(e => e.CreatedByUserId).HasMaxLength(450);
        b.HasIndex(e => e.NetworkId);
        b.HasOne<Network>().WithMany().HasForeignKey(e => e.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.ToTable("WebhookDeliveries");
        b.Property(d => d.EventId).HasMaxLength(36);
        b.Property(d => d.Type).HasMaxLength(50);
        b.Property(d => d.LastError).HasMaxLength(300);
        // The dispatcher reads the due rows in order along this index; the log reads an endpoint's latest.
        b.HasIndex(d => new { d.State, d.DueAtUtc });
        b.HasIndex(d => new { d.EndpointId, d.Id });
        b.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
    }
}
