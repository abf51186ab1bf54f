using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Features.Sites.Manage;

namespace Cotravail.Web.Features.Billing.Companies;

public sealed class CompanyInput
{
    [Display(Name = "Raison sociale")]
    [Required(ErrorMessage = "La raison sociale est obligatoire.")]
    [StringLength(200, ErrorMessage = "La raison sociale fait au plus 200 caractères.")]
    public string? Name { get; set; }

    [Display(Name = "SIRET")]
    [Required(ErrorMessage = "Le SIRET est obligatoire pour un compte entreprise.")]
    [Siret]
    public string? Siret { get; set; }

    [Display(Name = "Adresse de facturation")]
    [Required(ErrorMessage = "L'adresse est obligatoire.")]
    [StringLength(300, ErrorMessage = "L'adresse fait au plus 300 caractères.")]
    public string? BillingAddress { get; set; }

    [Display(Name = "E-mail de facturation")]
    [EmailAddress(ErrorMessage = "L'adresse e-mail n'est pas valide.")]
    [StringLength(256, ErrorMessage = "L'adresse e-mail est trop longue.")]
    public string? Email { get; set; }

    public string CleanSiret => new([.. (Siret ?? "").Where(char.IsAsciiDigit)]);
}
