using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Reception;

/// <summary>The no-show run of one site on one day: its row is the claim, so each site's day is processed once.</summary>
public sealed class NoShowRun
{
    public int SiteId { get; set; }
    public DateOnly Date { get; set; }
    public DateTime RanAtUtc { get; set; }
    public int NoShows { get; set; }
}
