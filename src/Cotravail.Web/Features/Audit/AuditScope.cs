namespace Cotravail.Web.Features.Audit;

/// <summary>
/// Where an audited record belongs: its network, or its site (whose network is looked up when the line is written).
/// Neither for a record of the whole deployment (a person's role): its lines are read by the managers of the
/// networks where that person works (see <see cref="JournalModel"/>).
/// </summary>
public readonly record struct AuditScope(int? NetworkId, int? SiteId)
{
    public static AuditScope Deployment => default;
}
