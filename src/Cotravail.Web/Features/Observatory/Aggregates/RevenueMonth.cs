namespace Cotravail.Web.Features.Observatory.Aggregates;

/// <summary>Revenue of a network's month by product (text of the invoice line before « – »), credit notes deducted.</summary>
public sealed class RevenueMonth
{
    public int NetworkId { get; set; }
    public DateOnly Month { get; set; }
    public string Product { get; set; } = "";
    public int Lines { get; set; }
    public long Cents { get; set; }
}
