using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common;

namespace Cotravail.Web.Features.Events.Agenda;

/// <summary>What someone without an account gives to register: no account is created.</summary>
public sealed class GuestInput
{
    [Display(Name = "Prénom et nom")]
    [Required(ErrorMessage = "Le nom est obligatoire.")]
    [StringLength(160, ErrorMessage = "Le nom fait au plus 160 caractères.")]
    public string? Name { get; set; }

    [Display(Name = "Adresse e-mail")]
    [Required(ErrorMessage = "L'adresse e-mail est obligatoire.")]
    [EmailAddress(ErrorMessage = "L'adresse e-mail n'est pas valide.")]
    [StringLength(256, ErrorMessage = "L'adresse e-mail est trop longue.")]
    public string? Email { get; set; }

    [Display(Name = "Code postal")]
    [Required(ErrorMessage = "Le code postal est obligatoire.")]
    [Postcode]
    public string? Postcode { get; set; }
}
