using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Billing;

/// <summary>The last number given in an issuer's series for a year. Incremented inside the issuing transaction.</summary>
public sealed class InvoiceSequence
{
    public int NetworkId { get; set; }
    public int Year { get; set; }
    public int Last { get; set; }
}
