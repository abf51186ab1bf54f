using System.Globalization;
using System.Text.Json;
using Cotravail.Web.Common.Api;
using Cotravail.Web.Common.Idempotency;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Billing.Entitlements;
using Cotravail.Web.Features.Billing.Products;

namespace Cotravail.Web.Features.Billing.Api;

/// <summary>
/// Body of <c>POST /api/v1/me/orders</c>: <c>productId</c> (a carnet or a subscription), <c>quantity</c> (carnets, or
/// consecutive months; 1 by default), <c>payment</c> (atDesk by default, transfer, or card when the product's network takes
/// payment online: the answer's <c>cardPaymentUrl</c> is then the provider's page).
/// </summary>
public sealed record OrderBody(int? ProductId, int? Quantity, string? Payment);

/// <summary>An order placed: its invoice (to pay at reception or by transfer), the days it gives from now on.</summary>
public sealed record OrderDto(int InvoiceId, string InvoiceNumber, int TotalInclTaxCents, string Payment, string InvoicePdfUrl,
    string? CardPaymentUrl, IReadOnlyList<EntitlementDto> Entitlements);

internal static class OrdersApi
{
    public static void MapOrdersApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/me/orders", OrderAsync).WithTags("Facturation").WithName("OrderProduct")
            .RequireAuthorization(AccountsModule.ApiPolicy)
            .Accepts<OrderBody>("application/json")
            .Produces<OrderDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Order a carnet or a subscription for myself. 409 while an order of the same product is unpaid, or when " +
                "what I owe on online orders would pass the network's cap. Idempotency-Key makes a retry safe.");

    private static async Task<IResult> OrderAsync(HttpRequest http, CurrentUser me, Sales sales, IOnlineCardPayment card,
        IdempotencyStore idempotency, TimeProvider clock, CancellationToken ct)
    {
        using var reader = new StreamReader(http.Body);
        var raw = await reader.ReadToEndAsync(ct);
        var userId = me.RequiredId;
        async Task<StoredResponse> Work() => await OrderCoreAsync(raw, userId, sales, card, clock, ct);
        var key = http.Headers[IdempotencyStore.Header].ToString();
        return string.IsNullOrEmpty(key)
            ? IdempotencyStore.ToResult(await Work())
            : await idempotency.RunAsync(userId, key, IdempotencyStore.Hash("POST", "/api/v1/me/orders", raw), Work, ct);
    }

    private static async Task<StoredResponse> OrderCoreAsync(string raw, string userId, Sales sales, IOnlineCardPayment card,
        TimeProvider clock, CancellationToken ct)
    {
        OrderBody? body;
        try
        {
            body = JsonSerializer.Deserialize<OrderBody>(raw, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return ApiProblems.Stored.BadRequest(ApiProblems.MalformedBody);
        }
        var errors = new Dictionary<string, string[]>();
        var quantity = body?.Quantity ?? 1;
        var payment = Choice(body?.Payment);
        var online = false;
        if (body?.ProductId is not > 0)
        {
            errors["productId"] = ["productId (un carnet ou un abonnement) est obligatoire."];
        }
        else
        {
            var (product, problem) = await sales.FindBuyableAsync(body.ProductId.Value, ct);
            if (product is null)
            {
                errors["productId"] = [problem!];
            }
            else if (!product.Kind.GivesDays())
            {
                errors["productId"] = ["En ligne, on commande un carnet ou un abonnement ; le reste se règle à l'accueil."];
            }
            else
            {
                online = await card.IsAvailableAsync(product.Site!.NetworkId, ct);
            }
        }
        if (Sales.QuantityProblem(quantity) is { } q)
        {
            errors["quantity"] = [q];
        }
        if (payment is null)
        {
            errors["payment"] = ["Le règlement est atDesk (à l'accueil), transfer (virement) ou card (en ligne, quand le réseau le propose)."];
        }
        else if (payment == PaymentChoice.Card && !online && !errors.ContainsKey("productId"))
        {
            errors["payment"] = ["Le réseau de ce produit ne propose pas le paiement en ligne : réglez à l'accueil ou par virement."];
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Stored.Invalid(errors);
        }
        var result = await sales.OrderAsync(new SaleRequest(body!.ProductId!.Value, userId, quantity), ct);
        if (result.Conflict is { } conflict)
        {
            return ApiProblems.Stored.Conflict(string.Format(French, conflict.Message, conflict.Args(Euros)));
        }
        if (!result.Succeeded)
        {
            return ApiProblems.Stored.Invalid(result.Problems.ToDictionary(p => p.Key, p => new[] { p.Value }));
        }
        var invoice = result.Invoice!;
        var pdf = $"/api/v1/me/invoices/{invoice.Id}/pdf";
        // The provider's page; null when it could not start (the invoice is then paid from « Mes factures »).
        var cardUrl = payment == PaymentChoice.Card ? (await card.StartAsync(invoice, ct))?.ToString() : null;
        var today = ParisDay.Today(clock);
        var entitlements = result.Entitlements.Select(e => new EntitlementDto(e.Id, e.Kind.ApiName(), e.Name, e.SiteId, e.Days, e.Used, e.Remaining,
            e.StartsOn, e.ExpiresOn, e.IsUsableOn(today), invoice.Number)).ToList();
        return new StoredResponse(201,
            new OrderDto(invoice.Id, invoice.Number, invoice.TotalInclTaxCents, ApiName(payment!.Value), pdf, cardUrl, entitlements), pdf);
    }

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private static string Euros(int cents) => string.Create(French, $"{cents / 100m:0.00} €");

    private static PaymentChoice? Choice(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "atdesk" => PaymentChoice.AtDesk,
        "transfer" => PaymentChoice.Transfer,
        "card" => PaymentChoice.Card,
        _ => null,
    };

    private static string ApiName(PaymentChoice choice) => choice switch
    {
        PaymentChoice.Transfer => "transfer",
        PaymentChoice.Card => "card",
        _ => "atDesk",
    };
}
