namespace Cotravail.Web.Features.Billing;

/// <summary>The last receipt number given in a network for a year. Incremented inside the paying transaction.</summary>
public sealed class ReceiptSequence
{
    public int NetworkId { get; set; }
    public int Year { get; set; }
    public int Last { get; set; }
}
