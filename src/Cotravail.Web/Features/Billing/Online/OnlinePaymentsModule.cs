using Cotravail.Web.Common.Api;
using Cotravail.Web.Common.PersonalData;
using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Cotravail.Web.Features.Billing.Online;

/// <summary>
/// Paying online (ADR 0055): the providers (PayFiP, Stripe) behind <see cref="Entitlements.IOnlineCardPayment"/>, their
/// notifications (<c>POST /api/v1/online-payments/payfip/notification</c>, <c>POST /api/v1/online-payments/stripe/{networkId}/webhook</c>),
/// the members' pages (pay an invoice, the return page), the managers' settings page, and the monthly charges to SEPA mandates.
/// </summary>
public static class OnlinePaymentsModule
{
    public static WebApplicationBuilder AddOnlinePayments(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var s = builder.Services;
        s.Configure<OnlinePaymentOptions>(builder.Configuration.GetSection(OnlinePaymentOptions.Section));
        s.AddHttpClient<PayFipProvider>((sp, http) => http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<OnlinePaymentOptions>>().Value.TimeoutSeconds));
        s.AddHttpClient<StripeProvider>((sp, http) => http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<OnlinePaymentOptions>>().Value.TimeoutSeconds));
        s.AddScoped<OnlinePayments>();
        s.AddPersonalData<OnlinePaymentsPersonalData>();
        s.AddScoped<Entitlements.IOnlineCardPayment>(sp => sp.GetRequiredService<OnlinePayments>());
        if (builder.Configuration.GetValue("Billing:Online:MandateCharges", true))
        {
            s.AddHostedService<MandateChargeWorker>();
        }
        s.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Billing/Online/Manage", Accounts.Roles.Manager);
            o.Conventions.AuthorizeFolder("/Billing/Online/Mine");
        });
        return builder;
    }

    public static WebApplication MapOnlinePayments(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/online-payments").WithTags("Paiement en ligne").AllowAnonymous().DisableAntiforgery();
        group.MapPost("/payfip/notification", PayFipAsync).WithName("PayFipNotification")
            .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("PayFiP's notification (urlnotif): the form field idOp. Cotravail asks PayFiP (recupererDetailPaiementSecurise) " +
                "and records the payment when it is paid for the amount due. 404 for an unknown idOp.");
        group.MapPost("/stripe/{networkId:int}/webhook", StripeAsync).WithName("StripeWebhook")
            .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The network's Stripe webhook (checkout.session.completed, checkout.session.async_payment_succeeded, payment_intent.succeeded): " +
                "its Stripe-Signature checked with the network's signing secret (400 when it does not match), then Cotravail asks Stripe and records the payment.");
        return app;
    }

    private static async Task<IResult> PayFipAsync(HttpRequest request, OnlinePayments online, CancellationToken ct)
    {
        string? idOp = request.Query["idOp"].FirstOrDefault() ?? request.Query["idop"].FirstOrDefault();
        if (idOp is null && request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            idOp = form["idOp"].FirstOrDefault() ?? form["idop"].FirstOrDefault();
        }
        return await online.PayFipNotifiedAsync(idOp, ct)
            ? TypedResults.Ok()
            : ApiProblems.NotFound("Aucun paiement en ligne ne porte cet idOp.");
    }

    private static async Task<IResult> StripeAsync(int networkId, HttpRequest request, OnlinePayments online, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(ct);
        var outcome = await online.StripeNotifiedAsync(networkId, json, request.Headers["Stripe-Signature"].FirstOrDefault(), ct);
        return outcome switch
        {
            WebhookOutcome.NoProvider => ApiProblems.NotFound("Ce réseau n'a pas de compte Stripe."),
            WebhookOutcome.BadSignature => TypedResults.Problem(ApiProblems.Details(StatusCodes.Status400BadRequest, detail: "Signature Stripe absente, fausse ou trop ancienne.")),
            // Unknown references are answered 200 (logged): events of other applications on the same Stripe account are not retried for days.
            _ => TypedResults.Ok(new { outcome = outcome.ToString() }),
        };
    }
}

/// <summary>Every hour, charges the invoices of members with a SEPA mandate (<see cref="OnlinePayments.ChargeMandatesAsync"/>).</summary>
public sealed class MandateChargeWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<MandateChargeWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OnlinePayments>().ChargeMandatesAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Charging invoices to SEPA mandates failed; next try in an hour.");
            }
        }
        while (await NextTickAsync(timer, stoppingToken));
    }

    /// <summary>False when the host stops, also when it stops before it started (the timer is then disposed under it).</summary>
    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
