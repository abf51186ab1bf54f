namespace Cotravail.Web.Features.Billing.Online;

public enum OnlinePaymentStatus
{
    /// <summary>Sent to the provider; no final answer yet (or a SEPA debit being processed).</summary>
    Pending = 0,

    /// <summary>The provider says paid, for the amount that was due: a <see cref="Payment"/> is recorded.</summary>
    Paid = 1,

    /// <summary>Refused, abandoned or cancelled at the provider: nothing recorded.</summary>
    Refused = 2,

    /// <summary>The provider says paid, but for another amount than was due (or it was no longer due): not recorded, flagged for the treasurer.</summary>
    AmountMismatch = 3,
}

public enum OnlinePaymentPurpose
{
    /// <summary>Paying one invoice (PayFiP, or a Stripe Checkout Session in mode payment).</summary>
    Invoice = 0,

    /// <summary>Signing a SEPA mandate (a Stripe Checkout Session in mode setup).</summary>
    Mandate = 1,

    /// <summary>An invoice charged off-session with the member's mandate (a Stripe PaymentIntent).</summary>
    MandateCharge = 2,
}

/// <summary>
/// One attempt to pay online: what was asked of the provider (the invoice, the amount due then, the provider's reference:
/// PayFiP's idOp, a Stripe Checkout Session or PaymentIntent id), and how it ended.
/// </summary>
public sealed class OnlinePayment
{
    public int Id { get; set; }
    public int NetworkId { get; set; }

    /// <summary>The invoice paid; null for a mandate.</summary>
    public int? InvoiceId { get; set; }

    public string UserId { get; set; } = "";
    public OnlineProviderKind Provider { get; set; }
    public OnlinePaymentPurpose Purpose { get; set; }

    /// <summary>Null until the provider answered the start.</summary>
    public string? ProviderReference { get; set; }

    /// <summary>What was due when the payment started, in cents.</summary>
    public int AmountCents { get; set; }

    public OnlinePaymentStatus Status { get; set; }

    /// <summary>What the provider says it received (set when it answered paid).</summary>
    public int? ReceivedCents { get; set; }

    /// <summary>The provider's authorisation number or payment id, and its own words on the outcome.</summary>
    public string? Detail { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SettledAtUtc { get; set; }

    /// <summary>The payment recorded in the journal for it.</summary>
    public int? PaymentId { get; set; }
}

/// <summary>A member's SEPA mandate with a network's Stripe account: the customer and payment method that monthly invoices are charged to.</summary>
public sealed class SepaMandate
{
    public int Id { get; set; }
    public int NetworkId { get; set; }
    public string UserId { get; set; } = "";
    public string CustomerId { get; set; } = "";
    public string PaymentMethodId { get; set; } = "";
    public DateTime SignedAtUtc { get; set; }

    /// <summary>Set when the member ends it; charges stop.</summary>
    public DateTime? EndedAtUtc { get; set; }
}
