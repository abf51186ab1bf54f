using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common;

namespace Cotravail.Web.Features.Events.Coaching;

/// <summary>An adviser's one-to-one slots over a span of one day: from, until, and the length of each (45 minutes by default).</summary>
public sealed class SlotsInput : IValidatableObject
{
    public const int MaxSlots = 16;

    [Display(Name = "Espace organisateur")]
    [Required(ErrorMessage = "Choisissez l'espace qui organise l'événement.")]
    public int? SiteId { get; set; }

    [Display(Name = "Titre")]
    [Required(ErrorMessage = "Le titre est obligatoire.")]
    [StringLength(160, ErrorMessage = "Le titre fait au plus 160 caractères.")]
    public string? Title { get; set; } = "Accompagnement individuel";

    [Display(Name = "Description")]
    [StringLength(8000, ErrorMessage = "La description fait au plus 8000 caractères.")]
    public string? Description { get; set; }

    [Display(Name = "Conseiller ou conseillère")]
    [Required(ErrorMessage = "Le nom de l'organisateur est obligatoire.")]
    [StringLength(160, ErrorMessage = "Le nom de l'organisateur fait au plus 160 caractères.")]
    public string? Adviser { get; set; }

    [Display(Name = "Date")]
    [Required(ErrorMessage = "La date est obligatoire.")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Premier créneau à")]
    [Required(ErrorMessage = "L'heure de début est obligatoire.")]
    public TimeOnly? From { get; set; } = new(9, 0);

    [Display(Name = "Dernier créneau fini avant")]
    [Required(ErrorMessage = "L'heure de fin est obligatoire.")]
    public TimeOnly? Until { get; set; } = new(12, 0);

    [Display(Name = "Durée d'un créneau (minutes)")]
    [Range(15, 240, ErrorMessage = "Un créneau dure entre 15 et 240 minutes.")]
    public int Minutes { get; set; } = 45;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Date is { } day && !AgendaFilter.IsSensible(day))
        {
            yield return new ValidationResult(Texts.Get(validationContext, "La date doit être comprise entre 2000 et 2100."), [nameof(Date)]);
        }
        if (From is not null && Until is not null && Minutes > 0)
        {
            var count = Starts().Count;
            if (count == 0)
            {
                yield return new ValidationResult(Texts.Get(validationContext, "Il faut au moins la durée d'un créneau entre le début et la fin."), [nameof(Until)]);
            }
            else if (count > MaxSlots)
            {
                yield return new ValidationResult(Texts.Get(validationContext, "Au plus 16 créneaux à la fois."), [nameof(Until)]);
            }
        }
    }

    /// <summary>The local start of each slot: from <see cref="From"/>, every <see cref="Minutes"/>, ending by <see cref="Until"/>.</summary>
    public IReadOnlyList<TimeOnly> Starts()
    {
        var starts = new List<TimeOnly>();
        if (From is not { } from || Until is not { } until || Minutes <= 0)
        {
            return starts;
        }
        for (var start = from.ToTimeSpan(); start + TimeSpan.FromMinutes(Minutes) <= until.ToTimeSpan() && starts.Count <= MaxSlots; start += TimeSpan.FromMinutes(Minutes))
        {
            starts.Add(TimeOnly.FromTimeSpan(start));
        }
        return starts;
    }
}
