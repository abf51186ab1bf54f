using Cotravail.Web.Features.Accounts;

namespace Cotravail.Web.Features.Sites;

/// <summary>A manager (role Manager) of a network. A manager acts only on the networks listed here.</summary>
public sealed class NetworkManager
{
    public int NetworkId { get; set; }
    public Network? Network { get; set; }
    public string UserId { get; set; } = "";
    public AppUser? User { get; set; }
}
