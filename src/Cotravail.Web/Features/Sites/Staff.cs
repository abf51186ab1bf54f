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

/// <summary>A manager (role Manager) of a network. A manager acts only on the networks listed here.</summary>
public sealed class NetworkManager
{
    public int NetworkId { get; set; }
    public Network? Network { get; set; }
    public string UserId { get; set; } = "";
    public AppUser? User { get; set; }
}
