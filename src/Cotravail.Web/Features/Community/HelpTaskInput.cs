using System.ComponentModel.DataAnnotations;

namespace Cotravail.Web.Features.Community;

public sealed class HelpTaskInput : IValidatableObject
{
    [Display(Name = "Espace")]
    [Required(ErrorMessage = "Choisissez l'espace.")]
    public int? SiteId { get; set; }

    [Display(Name = "Ce qu'il y a à faire")]
    [Required(ErrorMessage = "Le titre est obligatoire.")]
    [StringLength(150, ErrorMessage = "Le titre fait au plus 150 caractères.")]
    public string? Title { get; set; }

    [Display(Name = "Précisions (facultatif)")]
    [StringLength(1000, ErrorMessage = "Les précisions font au plus 1000 caractères.")]
    public string? Description { get; set; }

    [Display(Name = "Date")]
    [Required(ErrorMessage = "Indiquez la date.")]
    public DateOnly? Date { get; set; }

    [Display(Name = "De (facultatif)")]
    public TimeOnly? Start { get; set; }

    [Display(Name = "À (facultatif)")]
    public TimeOnly? End { get; set; }

    [Display(Name = "Nombre de personnes")]
    [Required(ErrorMessage = "Indiquez le nombre de personnes.")]
    [Range(1, 50, ErrorMessage = "De 1 à 50 personnes.")]
    public int? PeopleNeeded { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Start is { } s && End is { } e && e <= s)
        {
            yield return new(Common.Texts.Get(validationContext, "La fin doit être après le début."), [nameof(End)]);
        }
        if (Date is { } d && !Common.Dates.IsPlausible(d))
        {
            yield return new(Common.Texts.Get(validationContext, "La date doit être comprise entre l'an 2000 et l'an 2100."), [nameof(Date)]);
        }
    }
}
