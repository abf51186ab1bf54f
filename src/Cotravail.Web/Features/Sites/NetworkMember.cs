using Cotravail.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Features.Sites;

/// <summary>
/// A person who belongs to a network: they booked, bought, registered to an event or were welcomed at one of its
/// sites (a row written then, once). Members-only events and members' profiles of a network are shown to its members
/// and staff only (ADR 0025).
/// </summary>
public sealed class NetworkMember
{
    public string UserId { get; set; } = "";
    public int NetworkId { get; set; }
    public DateTime SinceUtc { get; set; }
}

internal sealed class NetworkMemberConfiguration : IEntityTypeConfiguration<NetworkMember>
{
    public void Configure(EntityTypeBuilder<NetworkMember> b)
    {
        b.ToTable("NetworkMembers");
        b.HasKey(m => new { m.UserId, m.NetworkId });
        b.HasIndex(m => m.NetworkId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Network>().WithMany().HasForeignKey(m => m.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}
