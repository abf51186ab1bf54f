using Cotravail.Web.Features.Accounts;

namespace Cotravail.Web.Features.Billing.Companies;

/// <summary>A firm billed for the usage of several members (compte entreprise), in one network.</summary>
public sealed class Company
{
    public int Id { get; set; }
    public int NetworkId { get; set; }
    public string Name { get; set; } = "";
    public string Siret { get; set; } = "";
    public string BillingAddress { get; set; } = "";
    public string? Email { get; set; }
    public List<CompanyMember> Members { get; } = [];
}

internal sealed class CompanyConfiguration :
    Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<Company>, Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<CompanyMember>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Company> b)
    {
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Siret).HasMaxLength(14);
        b.Property(c => c.BillingAddress).HasMaxLength(300);
        b.Property(c => c.Email).HasMaxLength(256);
        b.HasIndex(c => new { c.NetworkId, c.Siret }).IsUnique();
        b.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.CompanyId).OnDelete(Microsoft.EntityFrameworkCore.DeleteBehavior.Cascade);
    }

    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<CompanyMember> b)
    {
        b.HasKey(m => new { m.NetworkId, m.UserId }); // one company per member and network
        b.HasIndex(m => m.CompanyId);
        b.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(Microsoft.EntityFrameworkCore.DeleteBehavior.Cascade);
    }
}
