namespace Cotravail.Web.Features.Billing.Online;

/// <summary>
/// Where the providers are (<c>Billing:Online</c>): PayFiP's SOAP endpoint and payment page, Stripe's API base address.
/// The defaults are the real services; the tests point them at local fakes.
/// </summary>
public sealed class OnlinePaymentOptions
{
    public const string Section = "Billing:Online";

    public string PayFipEndpoint { get; set; } = "https://www.payfip.gouv.fr/tpa/services/securite";
    public string PayFipPaymentPage { get; set; } = "https://www.payfip.gouv.fr/tpa/paiementws.web";
    public string StripeApiBase { get; set; } = "https://api.stripe.com";

    /// <summary>How long to wait for a provider, in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 20;
}
