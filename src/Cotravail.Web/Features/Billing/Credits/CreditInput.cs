using System.ComponentModel.DataAnnotations;

namespace Cotravail.Web.Features.Billing.Credits;

/// <summary>The credit note form: a quantity per invoice line id, the reason, whether only the unused part is credited.</summary>
public sealed class CreditInput
{
    [Display(Name = "Motif de l'avoir")]
    [StringLength(CreditRules.MaxReasonLength, ErrorMessage = "Le motif fait au plus 500 caractères.")]
    public string? Reason { get; set; }

    /// <summary>Quantity to credit, by invoice line id (<c>Input.Lines[12]=3</c>).</summary>
    public Dictionary<int, int> Lines { get; set; } = [];

    [Display(Name = "Créditer seulement la part non utilisée")]
    public bool UnusedOnly { get; set; }

    /// <summary>Posting the confirmation twice issues one credit note.</summary>
    [StringLength(100)]
    public string? Token { get; set; }

    /// <summary>The total the confirmation screen showed, in cents.</summary>
    public int? ExpectedCents { get; set; }

    public CreditAsk Ask() => new(Reason, Lines, UnusedOnly);
}
