namespace Cotravail.Web.Features.Observatory.Aggregates;

/// <summary>One site's month: visits, distinct people, people who came 4 times or more.</summary>
public sealed class SiteMonthCount
{
    public int SiteId { get; set; }
    public DateOnly Month { get; set; }
    public int Visits { get; set; }
    public int Visitors { get; set; }
    public int Regulars { get; set; }
}
