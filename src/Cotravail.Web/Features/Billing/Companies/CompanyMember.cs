using Cotravail.Web.Features.Accounts;

namespace Cotravail.Web.Features.Billing.Companies;

/// <summary>A member whose usage is billed to the company. A member belongs to one company per network at most.</summary>
public sealed class CompanyMember
{
    public int CompanyId { get; set; }
    public int NetworkId { get; set; }
    public string UserId { get; set; } = "";
    public AppUser? User { get; set; }
}
