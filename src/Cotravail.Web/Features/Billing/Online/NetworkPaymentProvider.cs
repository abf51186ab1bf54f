namespace Cotravail.Web.Features.Billing.Online;

/// <summary>Who collects a network's payments online.</summary>
public enum OnlineProviderKind
{
    /// <summary>No online payment: members pay at reception or by transfer; no pay button is shown.</summary>
    None = 0,

    /// <summary>PayFiP (DGFiP), for public bodies whose receipts are managed in Hélios: card and one-off SEPA debit.</summary>
    PayFip = 1,

    /// <summary>Stripe Checkout, for associations, SCIC and firms: card, SEPA Debit and monthly SEPA mandates when enabled.</summary>
    Stripe = 2,
}

/// <summary>
/// A network's online payment provider, set by its managers on « Paiement en ligne ». The Stripe keys are kept protected
/// with ASP.NET Core Data Protection (the key ring of every instance, ADR 0026) and never shown back.
/// </summary>
public sealed class NetworkPaymentProvider
{
    public int Id { get; set; }
    public int NetworkId { get; set; }
    public OnlineProviderKind Kind { get; set; }

    /// <summary>PayFiP: the client number (« numcli ») the DGFiP gave the régie, 6 digits.</summary>
    public string? PayFipNumcli { get; set; }

    /// <summary>PayFiP « saisie »: T (test), X (activation), W (production).</summary>
    public string PayFipSaisie { get; set; } = PayFipModes.Test;

    /// <summary>Stripe's secret API key, protected.</summary>
    public string? StripeSecretKeyProtected { get; set; }

    /// <summary>The signing secret of the network's Stripe webhook endpoint, protected.</summary>
    public string? StripeWebhookSecretProtected { get; set; }

    /// <summary>Stripe: members may pay by SEPA Direct Debit, and sign a mandate for their monthly invoices.</summary>
    public bool SepaDebitEnabled { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedByUserId { get; set; } = "";
}

/// <summary>PayFiP's « saisie » values, as its guide names them.</summary>
public static class PayFipModes
{
    public const string Test = "T";
    public const string Activation = "X";
    public const string Production = "W";

    public static bool IsValid(string? value) => value is Test or Activation or Production;
}
