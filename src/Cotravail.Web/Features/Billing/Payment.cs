using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing;

public enum PaymentMethod
{
    Cash = 0,
    Cheque = 1,
    Card = 2,
    Transfer = 3,

    /// <summary>Paid online by card through the network's provider (PayFiP or Stripe).</summary>
    OnlineCard = 4,

    /// <summary>Paid online by SEPA direct debit (one-off through PayFiP or Stripe, or the member's Stripe mandate).</summary>
    OnlineSepa = 5,
}

public static class PaymentMethodText
{
    public static string French(this PaymentMethod method) => method switch
    {
        PaymentMethod.Cash => "espèces",
        PaymentMethod.Cheque => "chèque",
        PaymentMethod.Card => "carte (terminal)",
        PaymentMethod.OnlineCard => "carte (en ligne)",
        PaymentMethod.OnlineSepa => "prélèvement SEPA (en ligne)",
        _ => "virement",
    };

    public static PaymentMethod? FromApiName(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "cash" => PaymentMethod.Cash,
        "cheque" => PaymentMethod.Cheque,
        "card" => PaymentMethod.Card,
        "transfer" => PaymentMethod.Transfer,
        _ => null,
    };
}

/// <summary>
/// Money received for an invoice, recorded by a host at a site (or by a manager), or received online through the network's
/// provider (<see cref="ProviderReference"/> set, one payment per provider reference). Never edited.
/// </summary>
[Index(nameof(ProviderReference), IsUnique = true)]
public sealed class Payment
{
    public int Id { get; set; }
    public int InvoiceId { get; set; }
    public int NetworkId { get; set; }

    /// <summary>The site whose reception received it (cash goes into that site's cash-up).</summary>
    public int? SiteId { get; set; }
    public PaymentMethod Method { get; set; }
    public int AmountCents { get; set; }
    public string? ChequeNumber { get; set; }
    public string? ChequeBank { get; set; }
    public string? Reference { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public string RecordedByUserId { get; set; } = "";

    /// <summary>The closed cash-up that counted this cash payment; null until then.</summary>
    public int? CashUpId { get; set; }

    /// <summary>The receipt handed for it at reception (one receipt may settle several invoices); null for older payments and the API's.</summary>
    public int? ReceiptId { get; set; }

    /// <summary>
    /// For a payment received online: the provider and its reference (« payfip:IDOP », « stripe:pi_… »), unique, so a
    /// notification received twice records one payment. Null for payments at reception.
    /// </summary>
    [System.ComponentModel.DataAnnotations.MaxLength(120)]
    public string? ProviderReference { get; set; }
}
