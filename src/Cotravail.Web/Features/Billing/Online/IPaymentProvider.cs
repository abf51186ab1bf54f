namespace Cotravail.Web.Features.Billing.Online;

/// <summary>A network's provider settings, its secrets unprotected for the call (never shown, never logged).</summary>
public sealed record ProviderSettings(int NetworkId, OnlineProviderKind Kind, string? PayFipNumcli, string PayFipSaisie,
    string? StripeSecretKey, string? StripeWebhookSecret, bool SepaDebitEnabled);

/// <summary>
/// What a provider is asked to collect: the invoice's number (PayFiP's refdet, Stripe's client_reference_id), the amount
/// due in cents, the payer's e-mail, and the addresses it sends the payer back to and notifies.
/// </summary>
public sealed record CollectRequest(int AttemptId, int InvoiceId, string InvoiceNumber, int IssueYear, int AmountCents, string? Email,
    string Label, Uri ReturnUrl, Uri CancelUrl, Uri NotifyUrl);

/// <summary>The provider's reference for the attempt, and its page to send the payer to.</summary>
public sealed record Collecting(string Reference, Uri RedirectTo);

public enum ProviderAnswer
{
    /// <summary>Not finished (the payer is still on the page, or a debit is being processed).</summary>
    Pending,
    Paid,
    Refused,

    /// <summary>The provider does not know the reference, or it belongs to another account.</summary>
    Unknown,
}

/// <summary>What the provider says of an attempt: paid (and how much, by card or debit), refused, pending; its own words in <see cref="Detail"/>.</summary>
public sealed record ProviderOutcome(ProviderAnswer Answer, int AmountCents, PaymentMethod Method, string? PaymentReference, string Detail)
{
    public static ProviderOutcome Unknown(string detail) => new(ProviderAnswer.Unknown, 0, PaymentMethod.OnlineCard, null, detail);
}

/// <summary>The seam a provider implements: start collecting an invoice, and ask where an attempt stands.</summary>
public interface IPaymentProvider
{
    OnlineProviderKind Kind { get; }

    Task<Collecting> CollectAsync(ProviderSettings settings, CollectRequest request, CancellationToken ct);

    /// <summary>Asks the provider about <paramref name="reference"/> (what it gave at the start); <paramref name="expectedInvoiceNumber"/> must match its own record.</summary>
    Task<ProviderOutcome> AskAsync(ProviderSettings settings, string reference, string? expectedInvoiceNumber, CancellationToken ct);
}

/// <summary>The provider could not be reached or refused the request: logged, and the payer is told to try later.</summary>
public sealed class ProviderUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
