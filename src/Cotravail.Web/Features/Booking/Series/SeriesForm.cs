using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Cotravail.Web.Features.Booking.Series;

/// <summary>The recurring-booking form. Its fields map one to one to the API's <see cref="SeriesBody"/>.</summary>
public sealed class SeriesForm
{
    [Display(Name = "Espace à réserver")]
    public int? ResourceId { get; set; }

    [Display(Name = "Jours de la semaine")]
    public List<DayOfWeek> Weekdays { get; set; } = [];

    [Display(Name = "Fréquence")]
    public int EveryWeeks { get; set; } = 1;

    [Display(Name = "Premier jour")]
    public DateOnly? From { get; set; }

    [Display(Name = "Jusqu'au (inclus)")]
    public DateOnly? Until { get; set; }

    [Display(Name = "Ou nombre de réservations")]
    public int? Count { get; set; }

    [Display(Name = "Période (postes et bureaux)")]
    public Period? Period { get; set; }

    [Display(Name = "Début (salles et cabines)")]
    public TimeOnly? Start { get; set; }

    [Display(Name = "Fin (salles et cabines)")]
    public TimeOnly? End { get; set; }

    /// <summary>API field name → form field name, to put the rules' messages next to the right input.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["resourceId"] = nameof(ResourceId), ["weekdays"] = nameof(Weekdays), ["everyWeeks"] = nameof(EveryWeeks),
        ["from"] = nameof(From), ["until"] = nameof(Until), ["count"] = nameof(Count), ["period"] = nameof(Period),
        ["start"] = nameof(Start), ["end"] = nameof(End), [""] = "",
    };

    /// <summary>« jeudi, toutes les 2 semaines, journée » — stored with the series.</summary>
    public string Summary()
    {
        var fr = CultureInfo.GetCultureInfo("fr-FR").DateTimeFormat;
        var days = string.Join(", ", Weekdays.Distinct().OrderBy(d => ((int)d + 6) % 7).Select(fr.GetDayName));
        var every = EveryWeeks == 1 ? "toutes les semaines" : $"toutes les {EveryWeeks} semaines";
        var when = Period is { } p ? p.French() : $"{Start:HH\\:mm}–{End:HH\\:mm}";
        return $"{days}, {every}, {when}";
    }

    public SeriesBody ToBody() => new(
        ResourceId, [.. Weekdays.Select(d => d.ToString().ToLowerInvariant())], EveryWeeks,
        From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Until is null ? Count : null, Period?.ApiName(),
        Start?.ToString("HH:mm", CultureInfo.InvariantCulture), End?.ToString("HH:mm", CultureInfo.InvariantCulture));
}
