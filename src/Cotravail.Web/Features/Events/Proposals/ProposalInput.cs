using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common;

namespace Cotravail.Web.Features.Events.Proposals;

/// <summary>What a member proposes: a host will review, complete and publish it (or decline it).</summary>
public sealed class ProposalInput : IValidatableObject
{
    [Display(Name = "Espace où vous le proposez")]
    [Required(ErrorMessage = "Choisissez l'espace qui organise l'événement.")]
    public int? SiteId { get; set; }

    [Display(Name = "Type d'événement")]
    public EventKind Kind { get; set; } = EventKind.Workshop;

    [Display(Name = "Titre")]
    [Required(ErrorMessage = "Le titre est obligatoire.")]
    [StringLength(160, ErrorMessage = "Le titre fait au plus 160 caractères.")]
    public string? Title { get; set; }

    [Display(Name = "Ce que vous proposez")]
    [Required(ErrorMessage = "Décrivez en quelques lignes ce que vous proposez.")]
    [StringLength(8000, ErrorMessage = "La description fait au plus 8000 caractères.")]
    public string? Description { get; set; }

    [Display(Name = "Date souhaitée")]
    [Required(ErrorMessage = "La date est obligatoire.")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Début")]
    [Required(ErrorMessage = "L'heure de début est obligatoire.")]
    public TimeOnly? StartTime { get; set; }

    [Display(Name = "Fin")]
    [Required(ErrorMessage = "L'heure de fin est obligatoire.")]
    public TimeOnly? EndTime { get; set; }

    [Display(Name = "Nombre de places")]
    [Required(ErrorMessage = "Le nombre de places est obligatoire.")]
    [Range(1, Event.MaxCapacity, ErrorMessage = "Le nombre de places doit être compris entre 1 et 10 000.")]
    public int? Capacity { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Date is { } day && !AgendaFilter.IsSensible(day))
        {
            yield return new ValidationResult(Texts.Get(validationContext, "La date doit être comprise entre 2000 et 2100."), [nameof(Date)]);
        }
        if (StartTime is { } start && EndTime is { } end && end <= start)
        {
            yield return new ValidationResult(Texts.Get(validationContext, "La fin doit être après le début."), [nameof(EndTime)]);
        }
    }
}
