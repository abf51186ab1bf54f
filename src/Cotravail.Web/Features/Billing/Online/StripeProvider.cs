using System.Globalization;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace Cotravail.Web.Features.Billing.Online;

/// <summary>
/// Stripe Checkout through <c>Stripe.net</c>, with the network's own secret key and the base address of the setting
/// <c>Billing:Online:StripeApiBase</c>: a Checkout Session in mode payment per invoice (card, and sepa_debit when the network
/// enables it; client_reference_id and metadata name the invoice), a session in mode setup for a SEPA mandate, and
/// off-session PaymentIntents charging an invoice to that mandate.
/// </summary>
public sealed class StripeProvider(HttpClient http, IOptions<OnlinePaymentOptions> options, TimeProvider clock) : IPaymentProvider
{
    /// <summary>How old a webhook's signature may be, in seconds (Stripe's own default).</summary>
    public const long SignatureTolerance = 300;

    public OnlineProviderKind Kind => OnlineProviderKind.Stripe;

    private StripeClient Client(ProviderSettings settings) =>
        new(settings.StripeSecretKey ?? throw new ProviderUnavailableException("No Stripe key."), httpClient: new SystemNetHttpClient(http),
            apiBase: options.Value.StripeApiBase.TrimEnd('/'));

    public async Task<Collecting> CollectAsync(ProviderSettings settings, CollectRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(request);
        var metadata = Metadata(request.AttemptId, request.InvoiceId, request.InvoiceNumber);
        var create = new SessionCreateOptions
        {
            Mode = "payment",
            AllowedPaymentMethodTypes = settings.SepaDebitEnabled ? ["card", "sepa_debit"] : ["card"],
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = "eur", UnitAmount = request.AmountCents, ProductData = new SessionLineItemPriceDataProductDataOptions { Name = request.Label },
                    },
                },
            ],
            ClientReferenceId = request.InvoiceId.ToString(CultureInfo.InvariantCulture),
            CustomerEmail = request.Email,
            Metadata = metadata,
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = metadata, Description = request.Label },
            SuccessUrl = request.ReturnUrl.AbsoluteUri,
            CancelUrl = request.CancelUrl.AbsoluteUri,
            Locale = "fr",
        };
        var session = await CallAsync(() => new SessionService(Client(settings)).CreateAsync(create, Idempotent("attempt-" + request.AttemptId), ct));
        return new Collecting(session.Id, new Uri(session.Url));
    }

    public async Task<ProviderOutcome> AskAsync(ProviderSettings settings, string reference, string? expectedInvoiceNumber, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(reference);
        try
        {
            if (reference.StartsWith("pi_", StringComparison.Ordinal))
            {
                var intent = await new PaymentIntentService(Client(settings)).GetAsync(reference,
                    new PaymentIntentGetOptions { Expand = ["payment_method"] }, null, ct);
                if (!Names(intent.Metadata, expectedInvoiceNumber))
                {
                    return ProviderOutcome.Unknown("Stripe : paiement d'une autre facture");
                }
                return Outcome(intent, intent.Status);
            }
            var session = await new SessionService(Client(settings)).GetAsync(reference,
                new SessionGetOptions { Expand = ["payment_intent.payment_method"] }, null, ct);
            if (!Names(session.Metadata, expectedInvoiceNumber))
            {
                return ProviderOutcome.Unknown("Stripe : session d'une autre facture");
            }
            var detail = $"Stripe session {session.Status}, {session.PaymentStatus}";
            if (session.PaymentStatus is "paid" or "no_payment_required")
            {
                return new ProviderOutcome(ProviderAnswer.Paid, (int)(session.AmountTotal ?? 0), MethodOf(session.PaymentIntent),
                    session.PaymentIntentId ?? session.Id, detail);
            }
            if (session.Status == "expired")
            {
                return new ProviderOutcome(ProviderAnswer.Refused, 0, PaymentMethod.OnlineCard, null, detail);
            }
            // complete but unpaid: a SEPA debit on its way (payment_intent.succeeded will follow); open: the payer is still there.
            return session.PaymentIntent is { } pi && pi.Status is "requires_payment_method" or "canceled"
                ? new ProviderOutcome(ProviderAnswer.Refused, 0, MethodOf(pi), null, detail + ", " + pi.Status)
                : new ProviderOutcome(ProviderAnswer.Pending, 0, MethodOf(session.PaymentIntent), null, detail);
        }
        catch (StripeException e) when (e.HttpStatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return ProviderOutcome.Unknown("Stripe : référence inconnue");
        }
        catch (Exception e) when (e is StripeException or HttpRequestException or TaskCanceledException)
        {
            throw new ProviderUnavailableException("Stripe could not be asked about " + reference, e);
        }
    }

    private static ProviderOutcome Outcome(PaymentIntent intent, string status)
    {
        var detail = "Stripe PaymentIntent " + status;
        return status switch
        {
            "succeeded" => new ProviderOutcome(ProviderAnswer.Paid, (int)intent.AmountReceived, MethodOf(intent), intent.Id, detail),
            "requires_payment_method" or "canceled" => new ProviderOutcome(ProviderAnswer.Refused, 0, MethodOf(intent), null, detail),
            _ => new ProviderOutcome(ProviderAnswer.Pending, 0, MethodOf(intent), null, detail),
        };
    }

    /// <summary>A Checkout Session in mode setup collecting a SEPA mandate, for a new Stripe customer of the network.</summary>
    public async Task<(Collecting Collecting, string CustomerId)> MandateAsync(ProviderSettings settings, int attemptId, string? email, string name,
        Uri returnUrl, Uri cancelUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var client = Client(settings);
        var customer = await CallAsync(() => new CustomerService(client).CreateAsync(new CustomerCreateOptions { Email = email, Name = name },
            Idempotent("customer-" + attemptId), ct));
        var session = await CallAsync(() => new SessionService(client).CreateAsync(new SessionCreateOptions
        {
            Mode = "setup",
            Currency = "eur",
            AllowedPaymentMethodTypes = ["sepa_debit"],
            Customer = customer.Id,
            ClientReferenceId = "mandate-" + attemptId.ToString(CultureInfo.InvariantCulture),
            Metadata = new Dictionary<string, string> { ["attempt_id"] = attemptId.ToString(CultureInfo.InvariantCulture), ["purpose"] = "mandate" },
            SuccessUrl = returnUrl.AbsoluteUri,
            CancelUrl = cancelUrl.AbsoluteUri,
            Locale = "fr",
        }, Idempotent("mandate-" + attemptId), ct));
        return (new Collecting(session.Id, new Uri(session.Url)), customer.Id);
    }

    /// <summary>The payment method a mode-setup session stored (null while it is not complete).</summary>
    public async Task<string?> MandatePaymentMethodAsync(ProviderSettings settings, string sessionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var session = await CallAsync(() => new SessionService(Client(settings)).GetAsync(sessionId,
            new SessionGetOptions { Expand = ["setup_intent"] }, null, ct));
        return session.Status == "complete" && session.SetupIntent is { Status: "succeeded" } intent ? intent.PaymentMethodId : null;
    }

    /// <summary>Charges an invoice to the member's mandate, off session; the outcome comes by webhook (SEPA takes days).</summary>
    public async Task<(string Reference, ProviderOutcome Outcome)> ChargeAsync(ProviderSettings settings, SepaMandate mandate, int attemptId,
        int invoiceId, string invoiceNumber, int amountCents, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(mandate);
        var intent = await CallAsync(() => new PaymentIntentService(Client(settings)).CreateAsync(new PaymentIntentCreateOptions
        {
            Amount = amountCents,
            Currency = "eur",
            Customer = mandate.CustomerId,
            PaymentMethod = mandate.PaymentMethodId,
            AllowedPaymentMethodTypes = ["sepa_debit"],
            Confirm = true,
            OffSession = true,
            Description = "Facture " + invoiceNumber,
            Metadata = Metadata(attemptId, invoiceId, invoiceNumber),
        }, Idempotent("charge-" + attemptId), ct));
        return (intent.Id, Outcome(intent, intent.Status));
    }

    /// <summary>The event of a webhook whose <c>Stripe-Signature</c> (t=…,v1=HMAC-SHA256 of « t.payload ») matches the network's secret; null otherwise.</summary>
    public Event? Verify(ProviderSettings settings, string json, string? signature)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrEmpty(settings.StripeWebhookSecret) || string.IsNullOrEmpty(signature))
        {
            return null;
        }
        try
        {
            return EventUtility.ConstructEvent(json, signature, settings.StripeWebhookSecret, SignatureTolerance,
                clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException)
        {
            return null;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    public static Dictionary<string, string> Metadata(int attemptId, int invoiceId, string invoiceNumber) => new()
    {
        ["attempt_id"] = attemptId.ToString(CultureInfo.InvariantCulture),
        ["invoice_id"] = invoiceId.ToString(CultureInfo.InvariantCulture),
        ["invoice_number"] = invoiceNumber,
    };

    private static bool Names(Dictionary<string, string>? metadata, string? invoiceNumber) =>
        invoiceNumber is null || (metadata is not null && metadata.TryGetValue("invoice_number", out var n) && n == invoiceNumber);

    private static PaymentMethod MethodOf(PaymentIntent? intent) =>
        intent?.PaymentMethod?.Type == "sepa_debit" || intent?.PaymentMethodTypes is ["sepa_debit"] ? PaymentMethod.OnlineSepa : PaymentMethod.OnlineCard;

    private static RequestOptions Idempotent(string key) => new() { IdempotencyKey = "cotravail-" + key };

    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is StripeException or HttpRequestException or TaskCanceledException)
        {
            throw new ProviderUnavailableException("Stripe refused or could not be reached: " + e.Message, e);
        }
    }
}
