using Cotravail.Web.Common;
using System.ComponentModel.DataAnnotations;

namespace Cotravail.Web.Features.Sites.Manage;

/// <summary>A closure as a manager types it: an inclusive date range and a reason shown to the public.</summary>
public sealed class ClosureInput : IValidatableObject
{
    [Display(Name = "Premier jour de fermeture")]
    [Required(ErrorMessage = "Indiquez le premier jour.")]
    public DateOnly? StartDate { get; set; }

    [Display(Name = "Dernier jour de fermeture")]
    [Required(ErrorMessage = "Indiquez le dernier jour.")]
    public DateOnly? EndDate { get; set; }

    [Display(Name = "Motif")]
    [Required(ErrorMessage = "Le motif est obligatoire.")]
    [StringLength(200, ErrorMessage = "Le motif fait au plus 200 caractères.")]
    public string? Reason { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StartDate is { } s && EndDate is { } e)
        {
            if (e < s)
            {
                yield return new(Texts.Get(validationContext, "Le dernier jour doit être le premier jour ou après."), [nameof(EndDate)]);
            }
            else if (e.DayNumber - s.DayNumber > 366)
            {
                yield return new(Texts.Get(validationContext, "Une fermeture dure au plus un an."), [nameof(EndDate)]);
            }
        }
    }
}
