using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common;

namespace Cotravail.Web.Features.Entrepreneurs;

public sealed class ListingInput : IValidatableObject
{
    [Display(Name = "Type d'annonce")]
    [Required(ErrorMessage = "Choisissez « je propose » ou « je cherche ».")]
    public ListingKind? Kind { get; set; }

    [Display(Name = "Catégorie")]
    [Required(ErrorMessage = "Choisissez une catégorie.")]
    public ListingCategory? Category { get; set; }

    [Display(Name = "Titre")]
    [Required(ErrorMessage = "Le titre est obligatoire.")]
    [StringLength(120, ErrorMessage = "Le titre fait au plus 120 caractères.")]
    public string? Title { get; set; }

    [Display(Name = "Description")]
    [Required(ErrorMessage = "Décrivez votre annonce.")]
    [StringLength(2000, ErrorMessage = "La description fait au plus 2000 caractères.")]
    public string? Body { get; set; }

    [Display(Name = "Compétences concernées (facultatif)")]
    [StringLength(600, ErrorMessage = "Les compétences font au plus 600 caractères.")]
    public string? Skills { get; set; }

    [Display(Name = "Secteur d'activité concerné")]
    public string? Sector { get; set; }

    [Display(Name = "Visible jusqu'au")]
    [Required(ErrorMessage = "Indiquez jusqu'à quand l'annonce est valable.")]
    public DateOnly? ExpiresOn { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kind is { } k && !Enum.IsDefined(k))
        {
            yield return new(Texts.Get(validationContext, "Choisissez « je propose » ou « je cherche »."), [nameof(Kind)]);
        }
        if (Category is { } c && !Enum.IsDefined(c))
        {
            yield return new(Texts.Get(validationContext, "Choisissez une catégorie."), [nameof(Category)]);
        }
        if (!string.IsNullOrEmpty(Sector) && !NafSections.IsCode(Sector))
        {
            yield return new(Texts.Get(validationContext, "Choisissez un secteur de la liste."), [nameof(Sector)]);
        }
        if (SearchText.Tags(Skills) is { Count: > SearchText.MaxTags })
        {
            yield return new(Texts.Get(validationContext, "Au plus 12 compétences."), [nameof(Skills)]);
        }
    }
}
