using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Features.Accounts;

/// <summary>Indexes on accounts beyond Identity's own.</summary>
internal sealed class AccountsDbConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        // The observatory counts new and confirmed members of a national deployment without reading every account.
        b.HasIndex(u => u.CreatedAtUtc);
        b.HasIndex(u => u.EmailConfirmed);
        b.Property(u => u.Commune).HasMaxLength(100);
        b.Property(u => u.CommuneInsee).HasMaxLength(5);
        b.Property(u => u.PreferredCulture).HasMaxLength(8);
    }
}
