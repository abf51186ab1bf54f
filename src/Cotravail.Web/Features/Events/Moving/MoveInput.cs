using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Features.Events.Manage;

namespace Cotravail.Web.Features.Events.Moving;

/// <summary>The new date and times of an event, in its site's local time; the rules are those of <see cref="EventInput"/>.</summary>
public sealed class MoveInput : IValidatableObject
{
    [Display(Name = "Nouvelle date")]
    [Required(ErrorMessage = "La date est obligatoire.")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Début")]
    [Required(ErrorMessage = "L'heure de début est obligatoire.")]
    public TimeOnly? StartTime { get; set; }

    [Display(Name = "Fin")]
    [Required(ErrorMessage = "L'heure de fin est obligatoire.")]
    public TimeOnly? EndTime { get; set; }

    [Display(Name = "Date de fin (si plusieurs jours)")]
    public DateOnly? EndDate { get; set; }

    /// <summary>The same fields as an event's, so that a move follows the rules of creating one.</summary>
    public EventInput AsEventInput() => new() { Date = Date, StartTime = StartTime, EndTime = EndTime, EndDate = EndDate };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        AsEventInput().Validate(validationContext);

    public static MoveInput From(Event e)
    {
        var input = EventInput.From(e);
        return new MoveInput { Date = input.Date, StartTime = input.StartTime, EndTime = input.EndTime, EndDate = input.EndDate };
    }
}
