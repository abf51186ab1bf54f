using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Features.Billing.Products;

namespace Cotravail.Web.Features.Billing.Till;

/// <summary>A sale at reception, as the host types it. <see cref="Method"/> empty: the invoice is paid later.</summary>
public sealed class SellInput
{
    [Display(Name = "E-mail du membre")]
    [Required(ErrorMessage = "Indiquez l'e-mail du compte du membre.")]
    [EmailAddress(ErrorMessage = "L'adresse e-mail n'est pas valide.")]
    [StringLength(256, ErrorMessage = "L'e-mail fait au plus 256 caractères.")]
    public string? Email { get; set; }

    [Display(Name = "Produit")]
    [Required(ErrorMessage = "Choisissez un produit.")]
    public int? ProductId { get; set; }

    [Display(Name = "Quantité")]
    [Required(ErrorMessage = "Indiquez la quantité.")]
    [Range(1, Entitlements.Sales.MaxQuantity, ErrorMessage = "La quantité va de 1 à 12.")]
    public int? Quantity { get; set; } = 1;

    [Display(Name = "Paiement reçu")]
    public PaymentMethod? Method { get; set; }

    [Display(Name = "Numéro du chèque")]
    [StringLength(30, ErrorMessage = "Le numéro fait au plus 30 caractères.")]
    public string? ChequeNumber { get; set; }

    [Display(Name = "Banque du chèque")]
    [StringLength(80, ErrorMessage = "La banque fait au plus 80 caractères.")]
    public string? ChequeBank { get; set; }

    /// <summary>One-time token of the form: a second submission sells nothing more.</summary>
    public string Token { get; set; } = "";
}

/// <summary>A reduced-price category a host has checked for a member.</summary>
public sealed class CategoryInput
{
    [Display(Name = "E-mail du membre")]
    [Required(ErrorMessage = "Indiquez l'e-mail du compte du membre.")]
    [EmailAddress(ErrorMessage = "L'adresse e-mail n'est pas valide.")]
    [StringLength(256, ErrorMessage = "L'e-mail fait au plus 256 caractères.")]
    public string? Email { get; set; }

    [Display(Name = "Catégorie")]
    [Required(ErrorMessage = "Choisissez la catégorie.")]
    [EnumDataType(typeof(MemberCategory), ErrorMessage = "Cette catégorie n'existe pas.")]
    public MemberCategory? Category { get; set; }
}
