using Cotravail.Web.Common;
using System.ComponentModel.DataAnnotations;

namespace Cotravail.Web.Features.Sites.Manage;

/// <summary>One weekday of the hours form: closed, one range, or two ranges (a lunch break).</summary>
public sealed class DayHoursInput : IValidatableObject
{
    public DayOfWeek Day { get; set; }

    [Display(Name = "Ouvert")]
    public bool Open { get; set; }

    [Display(Name = "Ouverture")]
    public TimeOnly? Opens { get; set; }

    [Display(Name = "Fermeture")]
    public TimeOnly? Closes { get; set; }

    [Display(Name = "Réouverture (facultatif)")]
    public TimeOnly? Opens2 { get; set; }

    [Display(Name = "Fermeture du soir (facultatif)")]
    public TimeOnly? Closes2 { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Open)
        {
            yield break;
        }
        foreach (var (time, field) in new[] { (Opens, nameof(Opens)), (Closes, nameof(Closes)), (Opens2, nameof(Opens2)), (Closes2, nameof(Closes2)) })
        {
            if (time is { } t && (t.Minute % 30 != 0 || t.Second != 0))
            {
                // Rooms are booked by half hours: hours off the half hour would show slots nobody can book.
                yield return new(Texts.Get(validationContext, "À l'heure pile ou à la demie, par exemple 8:00 ou 8:30."), [field]);
            }
        }
        if (Opens is null)
        {
            yield return new(Texts.Get(validationContext, "Indiquez l'heure d'ouverture."), [nameof(Opens)]);
        }
        if (Closes is null)
        {
            yield return new(Texts.Get(validationContext, "Indiquez l'heure de fermeture."), [nameof(Closes)]);
        }
        if (Opens is { } o && Closes is { } c && c <= o)
        {
            yield return new(Texts.Get(validationContext, "La fermeture doit être après l'ouverture."), [nameof(Closes)]);
        }
        if (Opens2.HasValue != Closes2.HasValue)
        {
            yield return new(Texts.Get(validationContext, "Indiquez les deux heures de la seconde plage, ou aucune."), [Opens2.HasValue ? nameof(Closes2) : nameof(Opens2)]);
        }
        if (Opens2 is { } o2 && Closes is { } c1 && o2 < c1)
        {
            yield return new(Texts.Get(validationContext, "La seconde plage doit commencer après la fin de la première."), [nameof(Opens2)]);
        }
        if (Opens2 is { } s2 && Closes2 is { } e2 && e2 <= s2)
        {
            yield return new(Texts.Get(validationContext, "La fermeture doit être après la réouverture."), [nameof(Closes2)]);
        }
    }

    public static DayHoursInput From(DayOfWeek day, OpeningHours? h) => h is null
        ? new DayHoursInput { Day = day, Open = false }
        : new DayHoursInput { Day = day, Open = true, Opens = h.Opens, Closes = h.Closes, Opens2 = h.Opens2, Closes2 = h.Closes2 };
}
