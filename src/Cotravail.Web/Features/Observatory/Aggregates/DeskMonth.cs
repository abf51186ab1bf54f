namespace Cotravail.Web.Features.Observatory.Aggregates;

/// <summary>Half-days of a desk pool booked or taken in one month (the sum of its day counters).</summary>
public sealed class DeskMonth
{
    public int ResourceId { get; set; }
    public DateOnly Month { get; set; }
    public int HalfDays { get; set; }
}
