namespace Cotravail.Web.Features.Observatory.Aggregates;

/// <summary>How many times one person came to one site in one month (what « distinct » and « regular » are made of).</summary>
public sealed class VisitorMonth
{
    public int SiteId { get; set; }
    public DateOnly Month { get; set; }
    public int VisitorId { get; set; }
    public int Visits { get; set; }
}
