using Cotravail.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Features.Privacy;

/// <summary>
/// When an account was last used, and where the retention of an inactive account stands. One row per account, created
/// at its first sign-in (or by the retention job, from the account's creation date). Bookings and visits count as
/// activity too: the job reads them, so no other feature has to write here.
/// </summary>
public sealed class AccountActivity
{
    public string UserId { get; set; } = "";

    /// <summary>Last sign-in (or session renewal), to the hour.</summary>
    public DateTime LastActivityUtc { get; set; }

    /// <summary>When the « your account will be deleted » warning went out; cleared by any activity.</summary>
    public DateTime? RetentionWarnedAtUtc { get; set; }

    /// <summary>A retention run holds this account until then (a lease); after it, another run may take it.</summary>
    public DateTime? RetentionClaimedUntilUtc { get; set; }
    public Guid? RetentionClaimId { get; set; }

    /// <summary>When the account was deleted (by its owner or by the retention job): it is a tombstone since.</summary>
    public DateTime? ErasedAtUtc { get; set; }
}

internal sealed class AccountActivityConfiguration : IEntityTypeConfiguration<AccountActivity>
{
    public void Configure(EntityTypeBuilder<AccountActivity> b)
    {
        b.ToTable("AccountActivities");
        b.HasKey(a => a.UserId);
        b.HasIndex(a => a.LastActivityUtc);
        b.HasOne<AppUser>().WithOne().HasForeignKey<AccountActivity>(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
