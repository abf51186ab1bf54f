using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Billing;

/// <summary>A booking charged on an invoice (so that it is never charged twice).</summary>
public sealed class InvoicedBooking
{
    public int BookingId { get; set; }
    public int InvoiceId { get; set; }
}
