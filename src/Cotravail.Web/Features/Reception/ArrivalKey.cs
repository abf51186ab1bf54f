using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Reception;

/// <summary>A site's secret for the day's self check-in code (an HMAC of the site and the date).</summary>
public sealed class ArrivalKey
{
    public int SiteId { get; set; }
    public byte[] Secret { get; set; } = [];
}
