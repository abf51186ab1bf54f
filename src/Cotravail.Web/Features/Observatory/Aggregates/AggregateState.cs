namespace Cotravail.Web.Features.Observatory.Aggregates;

/// <summary>Which version of the counters' triggers the database holds (one row).</summary>
public sealed class AggregateState
{
    public int Id { get; set; }
    public int Version { get; set; }
}
