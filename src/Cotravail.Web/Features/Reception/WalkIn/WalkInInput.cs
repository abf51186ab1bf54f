using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Features.Billing;

namespace Cotravail.Web.Features.Reception.WalkIn;

/// <summary>A walk-in as the host types it: who (known or new), their postcode, how they pay the day pass.</summary>
public sealed class WalkInInput
{
    public int? VisitorId { get; set; }
    public string? UserId { get; set; }

    [Display(Name = "Prénom")]
    [StringLength(100, ErrorMessage = "Le prénom fait au plus 100 caractères.")]
    public string? FirstName { get; set; }

    [Display(Name = "Nom")]
    [StringLength(100, ErrorMessage = "Le nom fait au plus 100 caractères.")]
    public string? LastName { get; set; }

    [Display(Name = "E-mail (facultatif)")]
    [EmailAddress(ErrorMessage = "Cette adresse e-mail n'est pas valide.")]
    [StringLength(256, ErrorMessage = "L'adresse fait au plus 256 caractères.")]
    public string? Email { get; set; }

    [Display(Name = "Code postal de résidence")]
    [Required(ErrorMessage = "Indiquez le code postal de résidence (5 chiffres).")]
    [RegularExpression(@"^\s*\d{5}\s*$", ErrorMessage = "Indiquez le code postal de résidence (5 chiffres).")]
    public string? Postcode { get; set; }

    /// <summary>The INSEE code of the commune chosen among the postcode's (required when it has several).</summary>
    [Display(Name = "Commune de résidence")]
    public string? CommuneInsee { get; set; }

    [Display(Name = "Moyen de paiement")]
    [Required(ErrorMessage = "Choisissez le moyen de paiement.")]
    public PaymentMethod? Method { get; set; }

    /// <summary>One-time token of the form: a second submission sells nothing more.</summary>
    public string Token { get; set; } = "";
}
