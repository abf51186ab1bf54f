namespace Cotravail.Web.Common.Security;

/// <summary>A site a person staffs: as its host (<see cref="Hosted"/>), or as a manager of its network.</summary>
public sealed record StaffedSite(int Id, int NetworkId, bool Hosted);

/// <summary>
/// Where a person acts as staff: the networks they manage, and the sites they staff — every site of those networks
/// (archived ones included) and the sites they host.
/// </summary>
public sealed record StaffReach(IReadOnlyList<int> ManagedNetworkIds, IReadOnlyList<StaffedSite> Sites)
{
    public static readonly StaffReach None = new([], []);

    public IReadOnlyList<int> StaffedSiteIds => [.. Sites.Select(s => s.Id)];

    public IReadOnlyList<int> HostedSiteIds => [.. Sites.Where(s => s.Hosted).Select(s => s.Id)];

    /// <summary>The networks of the sites hosted.</summary>
    public IReadOnlyList<int> HostedNetworkIds => [.. Sites.Where(s => s.Hosted).Select(s => s.NetworkId).Distinct()];

    public bool ActsOnSite(int siteId) => Sites.Any(s => s.Id == siteId);

    public bool ManagesNetwork(int networkId) => ManagedNetworkIds.Contains(networkId);
}
