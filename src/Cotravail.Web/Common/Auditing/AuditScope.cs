namespace Cotravail.Web.Common.Auditing;

/// <summary>
/// Where an audited record belongs: its network, or its site (whose network is looked up when the line is written).
/// Neither for a record of the whole deployment (a person's role): its lines are read by the managers of the
/// networks where that person works.
/// </summary>
public readonly record struct AuditScope(int? NetworkId, int? SiteId)
{
    public static AuditScope Deployment => default;

    public static AuditScope OfNetwork(int id) => new(id, null);

    public static AuditScope OfSite(int id) => new(null, id);
}
