namespace Cotravail.Web.Features.Observatory.Aggregates;

// Counters the database keeps up to date itself (triggers, see AggregateSql): the observatory reads a few
// thousand of these rows instead of millions of visits. Month is the first day of the month.

/// <summary>How many times one person came to one site in one month (what « distinct » and « regular » are made of).</summary>
public sealed class VisitorMonth
{
    public int SiteId { get; set; }
    public DateOnly Month { get; set; }
    public int VisitorId { get; set; }
    public int Visits { get; set; }
}

/// <summary>One site's month: visits, distinct people, people who came 4 times or more.</summary>
public sealed class SiteMonthCount
{
    public int SiteId { get; set; }
    public DateOnly Month { get; set; }
    public int Visits { get; set; }
    public int Visitors { get; set; }
    public int Regulars { get; set; }
}

/// <summary>
/// Visits of one site's month by postcode of residence (« ? » when unknown). Rows whose <see cref="SiteId"/> is
/// negative hold a whole network's month (<c>SiteId = -NetworkId</c>): a national network's origins are then a few
/// thousand rows to add, not one row per site and postcode.
/// </summary>
public sealed class OriginMonth
{
    public int SiteId { get; set; }
    public DateOnly Month { get; set; }
    public string Postcode { get; set; } = "";
    public int Visits { get; set; }
}

/// <summary>Half-days of a desk pool booked or taken in one month (the sum of its day counters).</summary>
public sealed class DeskMonth
{
    public int ResourceId { get; set; }
    public DateOnly Month { get; set; }
    public int HalfDays { get; set; }
}

/// <summary>Revenue of a network's month by product (text of the invoice line before « – »), credit notes deducted.</summary>
public sealed class RevenueMonth
{
    public int NetworkId { get; set; }
    public DateOnly Month { get; set; }
    public string Product { get; set; } = "";
    public int Lines { get; set; }
    public long Cents { get; set; }
}

/// <summary>Which version of the counters' triggers the database holds (one row).</summary>
public sealed class AggregateState
{
    public int Id { get; set; }
    public int Version { get; set; }
}
