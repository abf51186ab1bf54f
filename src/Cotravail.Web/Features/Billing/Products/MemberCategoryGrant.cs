using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Billing.Products;

/// <summary>
/// A category (job seeker, student) a host has checked for a member, in one network: who validated it and when.
/// Reduced prices of the network's products then apply to that member.
/// </summary>
public sealed class MemberCategoryGrant
{
    public int Id { get; set; }
    public int NetworkId { get; set; }
    public string UserId { get; set; } = "";
    public MemberCategory Category { get; set; }
    public string ValidatedByUserId { get; set; } = "";
    public DateTime ValidatedAtUtc { get; set; }
}
