using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Features.SingleSignOn;

internal sealed class SingleSignOnDbConfiguration : IEntityTypeConfiguration<NetworkSignOn>
{
    public void Configure(EntityTypeBuilder<NetworkSignOn> b)
    {
        b.HasIndex(p => p.NetworkId).IsUnique();
        b.Property(p => p.DisplayName).HasMaxLength(SignOnRules.DisplayNameMax);
        b.Property(p => p.Authority).HasMaxLength(SignOnRules.AddressMax);
        b.Property(p => p.ClientId).HasMaxLength(SignOnRules.ClientIdMax);
        b.Property(p => p.ClientSecretProtected).HasMaxLength(2000);
        b.Property(p => p.Scopes).HasMaxLength(SignOnRules.ScopesMax);
        b.Property(p => p.EmailClaim).HasMaxLength(SignOnRules.ClaimMax);
        b.Property(p => p.UpdatedByUserId).HasMaxLength(450);
        b.HasOne<Network>().WithMany().HasForeignKey(p => p.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}
