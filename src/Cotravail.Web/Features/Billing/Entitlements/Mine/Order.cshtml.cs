using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Cotravail.Web.Common;
using Cotravail.Web.Common.Idempotency;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Billing.Entitlements.Mine;

/// <summary>The confirmation of an order: what was shown on the summary, how the member pays, the form's one-time token.</summary>
public sealed class ConfirmInput
{
    public int? ProductId { get; set; }
    public int? Quantity { get; set; }

    [Display(Name = "Règlement")]
    [Required(ErrorMessage = "Choisissez comment vous réglez.")]
    public PaymentChoice? Payment { get; set; }

    /// <summary>One-time token of the form: a second submission orders nothing more and leads to the first one's result.</summary>
    public string Token { get; set; } = "";
}

/// <summary>
/// The summary of an order before it is placed (product, quantity, price for the member, dates, sites, how to pay), with
/// « Confirmer la commande » and « Modifier »; confirming places it once (the form's token) and leads to its result.
/// </summary>
public sealed class OrderModel(OrderPreview preview, Sales sales, IOnlineCardPayment card, IdempotencyStore once) : LocalizedPage
{
    public ConfirmInput Order { get; set; } = new();
    public OrderSummary? Summary { get; private set; }

    /// <summary>Why this order cannot be placed (a refusal, or a choice that cannot be ordered), in French; no confirm button then.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The product's network takes payment online (a provider is set).</summary>
    public bool CardAvailable { get; private set; }

    /// <summary>Back to the choice on « Mes droits », as it was.</summary>
    public string EditUrl => Order.ProductId is { } p
        ? $"/mes-droits?produit={p.ToString(CultureInfo.InvariantCulture)}&quantite={(Order.Quantity ?? 1).ToString(CultureInfo.InvariantCulture)}#commander"
        : "/mes-droits#commander";

    public static string Link(int productId, int quantity) =>
        string.Create(CultureInfo.InvariantCulture, $"/mes-droits/commande?produit={productId}&quantite={quantity}");

    public async Task OnGetAsync([FromQuery(Name = "produit")] int? productId, [FromQuery(Name = "quantite")] int? quantity, CancellationToken ct)
    {
        ModelState.Clear(); // an unreadable number is said by the summary's own message
        Order = new ConfirmInput { ProductId = productId, Quantity = quantity, Payment = PaymentChoice.AtDesk, Token = Guid.NewGuid().ToString("N") };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync([Bind(Prefix = "Order")] ConfirmInput order, CancellationToken ct)
    {
        Order = order;
        Order.Token ??= ""; // a form sent without its token
        var scope = "order:" + CurrentUser.RequiredId;
        if (await once.OnceLocationAsync(scope, Order.Token, ct) is { } placed)
        {
            return Redirect(placed); // sent again once placed: its result, not a refusal of a second order
        }
        await LoadAsync(ct);
        if (Summary is not { Refusal: null } summary)
        {
            return Page();
        }
        if (Order.Payment == PaymentChoice.Card && !CardAvailable)
        {
            ModelState.AddModelError("Order.Payment", T["Le réseau ne propose pas le paiement en ligne : réglez à l'accueil ou par virement."]);
        }
        else if (Order.Payment == PaymentChoice.Transfer && !summary.TransferPossible)
        {
            ModelState.AddModelError("Order.Payment", T["Le réseau n'a pas indiqué de compte pour les virements : réglez à l'accueil."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await once.TryClaimOnceAsync(scope, Order.Token, ct))
        {
            // Sent twice: the first submission placed the order (or is placing it); nothing more is ordered.
            if (await once.OnceLocationAsync(scope, Order.Token, ct) is { } done)
            {
                return Redirect(done);
            }
            TempData["Notice"] = T["Cette commande est déjà enregistrée (formulaire envoyé deux fois)."].Value;
            return Redirect("/mes-droits");
        }
        var result = await sales.OrderAsync(new SaleRequest(summary.Product.Id, CurrentUser.RequiredId, summary.Quantity), ct);
        if (!result.Succeeded)
        {
            // Refused in the order's own transaction (another order was placed meanwhile): nothing was created.
            if (result.Conflict is { } conflict)
            {
                Summary = summary with { Refusal = conflict };
                Problems = [T[conflict.Message, conflict.Args(Format.Euros)].Value];
            }
            else
            {
                Summary = null;
                Problems = [.. result.Problems.Values.Select(p => T[p].Value)];
            }
            return Page();
        }
        var invoice = result.Invoice!;
        var location = OrderedModel.Link(invoice.Id, Order.Payment!.Value);
        await once.RememberOnceAsync(scope, Order.Token, location, CancellationToken.None);
        if (Order.Payment == PaymentChoice.Card && await card.StartAsync(invoice, ct) is { } provider)
        {
            return Redirect(provider.ToString()); // the provider's page; when it cannot start, the result page offers to pay again
        }
        return Redirect(location);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var (summary, problems) = await preview.PreviewAsync(CurrentUser.RequiredId, Order.ProductId, Order.Quantity, ct);
        Summary = summary;
        CardAvailable = summary is not null && await card.IsAvailableAsync(summary.Network.Id, ct);
        Problems = summary?.Refusal is { } refusal
            ? [T[refusal.Message, refusal.Args(Format.Euros)].Value]
            : [.. problems.Values.Select(p => T[p].Value)];
    }
}
