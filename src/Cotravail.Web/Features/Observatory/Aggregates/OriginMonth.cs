namespace Cotravail.Web.Features.Observatory.Aggregates;

/// <summary>
/// Visits of one site's month by postcode of residence (« ? » when unknown) and INSEE code of the commune (empty when
/// only the postcode is known, as for every visit recorded before communes were chosen). Rows whose <see cref="SiteId"/> is
/// negative hold a whole network's month (<c>SiteId = -NetworkId</c>): a national network's origins are then a few
/// thousand rows to add, not one row per site and postcode.
/// </summary>
public sealed class OriginMonth
{
    public int SiteId { get; set; }
    public DateOnly Month { get; set; }
    public string Postcode { get; set; } = "";
    public string Insee { get; set; } = "";
    public int Visits { get; set; }
}
