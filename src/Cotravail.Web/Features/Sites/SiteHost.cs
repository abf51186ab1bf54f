using Cotravail.Web.Features.Accounts;

namespace Cotravail.Web.Features.Sites;

/// <summary>A host (role Host) who staffs a site. A host acts only on the sites listed here.</summary>
public sealed class SiteHost
{
    public int SiteId { get; set; }
    public Site? Site { get; set; }
    public string UserId { get; set; } = "";
    public AppUser? User { get; set; }
}
