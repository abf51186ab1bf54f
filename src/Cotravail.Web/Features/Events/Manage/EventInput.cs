using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Events.Manage;

/// <summary>What a host types to create or edit an event, and the rules it must follow. Times are the site's local time.</summary>
public sealed class EventInput : IValidatableObject
{
    [Display(Name = "Espace organisateur")]
    [Required(ErrorMessage = "Choisissez l'espace qui organise l'événement.")]
    public int? SiteId { get; set; }

    [Display(Name = "Type d'événement")]
    public EventKind Kind { get; set; } = EventKind.Workshop;

    [Display(Name = "Titre")]
    [Required(ErrorMessage = "Le titre est obligatoire.")]
    [StringLength(160, ErrorMessage = "Le titre fait au plus 160 caractères.")]
    public string? Title { get; set; }

    [Display(Name = "Description")]
    [StringLength(8000, ErrorMessage = "La description fait au plus 8000 caractères.")]
    public string? Description { get; set; }

    [Display(Name = "Lien pour un événement en ligne")]
    [StringLength(500, ErrorMessage = "Le lien fait au plus 500 caractères.")]
    public string? OnlineUrl { get; set; }

    [Display(Name = "Date")]
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

    [Display(Name = "Nombre de places")]
    [Required(ErrorMessage = "Le nombre de places est obligatoire.")]
    [Range(1, Event.MaxCapacity, ErrorMessage = "Le nombre de places doit être compris entre 1 et 10 000.")]
    public int? Capacity { get; set; }

    [Display(Name = "Prix (€)")]
    [Euros]
    public string? Price { get; set; }

    [Display(Name = "Public")]
    public EventAudience Audience { get; set; }

    [Display(Name = "Organisé par")]
    public OrganiserKind OrganiserKind { get; set; }

    [Display(Name = "Nom de l'organisateur")]
    [Required(ErrorMessage = "Le nom de l'organisateur est obligatoire.")]
    [StringLength(160, ErrorMessage = "Le nom de l'organisateur fait au plus 160 caractères.")]
    public string? OrganiserName { get; set; }

    [Display(Name = "Mots-clés")]
    [StringLength(300, ErrorMessage = "Les mots-clés font au plus 300 caractères.")]
    public string? Tags { get; set; }

    [Display(Name = "Clôture des inscriptions (heures avant le début)")]
    [Range(0, 720, ErrorMessage = "La clôture doit être comprise entre 0 et 720 heures avant le début.")]
    public int RegistrationCloseHours { get; set; } = 2;

    [Display(Name = "Répétition")]
    public Repeat Repeat { get; set; }

    [Display(Name = "Nombre de dates")]
    [Range(1, Recurrence.MaxOccurrences, ErrorMessage = "Le nombre de dates doit être compris entre 1 et 24.")]
    public int Occurrences { get; set; } = 1;

    [Display(Name = "Publier dans l'agenda")]
    public bool Publish { get; set; }

    public int PriceCents => Money.TryParseEuros(Price, out var cents) ? cents : 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Date is { } day && !AgendaFilter.IsSensible(day))
        {
            yield return new ValidationResult(Texts.Get(validationContext, "La date doit être comprise entre 2000 et 2100."), [nameof(Date)]);
            yield break;
        }
        var endDate = EndDate ?? Date;
        if (Date is { } date && StartTime is { } start && EndTime is { } end && endDate is { } last
            && last.ToDateTime(end) <= date.ToDateTime(start))
        {
            yield return new ValidationResult(Texts.Get(validationContext, "La fin doit être après le début."), [nameof(EndTime)]);
        }
        if (EndDate is { } e && Date is { } d && (e < d || e.DayNumber - d.DayNumber > 31))
        {
            yield return new ValidationResult(Texts.Get(validationContext, "La date de fin doit suivre la date de début, de 31 jours au plus."), [nameof(EndDate)]);
        }
        if (!string.IsNullOrWhiteSpace(OnlineUrl)
            && (!Uri.TryCreate(OnlineUrl.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult(Texts.Get(validationContext, "Le lien doit être une adresse web complète, par exemple https://visio.exemple.fr/atelier."), [nameof(OnlineUrl)]);
        }
        if (Repeat != Repeat.None && Occurrences < 2)
        {
            yield return new ValidationResult(Texts.Get(validationContext, "Pour répéter l'événement, indiquez au moins 2 dates."), [nameof(Occurrences)]);
        }
    }

    /// <summary>The UTC start and end on <paramref name="date"/> in the site's zone, or the French problem of a daylight-saving hour.</summary>
    public (DateTime Start, DateTime End, string? Problem) Span(Site site, DateOnly date)
    {
        var length = (EndDate ?? Date!.Value).DayNumber - Date!.Value.DayNumber;
        var (start, p1) = EventTimes.ToUtc(site, date, StartTime!.Value);
        var (end, p2) = EventTimes.ToUtc(site, date.AddDays(length), EndTime!.Value);
        var problem = p1 != SiteTime.Problem.None || p2 != SiteTime.Problem.None
            ? "Cette heure n'existe pas ou existe deux fois ce jour-là (changement d'heure) : choisissez-en une autre."
            : null;
        return (start, end, problem);
    }

    public static EventInput From(Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var start = EventTimes.LocalStart(e);
        var end = EventTimes.LocalEnd(e);
        return new EventInput
        {
            SiteId = e.SiteId, Kind = e.Kind, Title = e.Title, Description = e.Description, OnlineUrl = e.OnlineUrl,
            Date = DateOnly.FromDateTime(start), StartTime = TimeOnly.FromDateTime(start), EndTime = TimeOnly.FromDateTime(end),
            EndDate = DateOnly.FromDateTime(end) == DateOnly.FromDateTime(start) ? null : DateOnly.FromDateTime(end),
            Capacity = e.Capacity, Price = e.IsFree ? null : Money.ToInput(e.PriceCents), Audience = e.Audience,
            OrganiserKind = e.OrganiserKind, OrganiserName = e.OrganiserName, Tags = e.Tags,
            RegistrationCloseHours = e.RegistrationCloseMinutes / 60, Publish = e.Status == EventStatus.Published,
        };
    }

    /// <summary>Copies the (valid) fields other than the dates onto the event.</summary>
    public void ApplyTo(Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        e.SiteId = SiteId!.Value;
        e.Kind = Kind;
        e.Title = Title!.Trim();
        e.Description = (Description ?? "").Replace("\r", "", StringComparison.Ordinal).Trim();
        e.OnlineUrl = string.IsNullOrWhiteSpace(OnlineUrl) ? null : OnlineUrl.Trim();
        e.Capacity = Capacity!.Value;
        e.PriceCents = PriceCents;
        e.Audience = Audience;
        e.OrganiserKind = OrganiserKind;
        e.OrganiserName = OrganiserName!.Trim();
        e.Tags = CleanTags(Tags);
        e.RegistrationCloseMinutes = RegistrationCloseHours * 60;
    }

    private static string? CleanTags(string? tags)
    {
        var list = (tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return list.Count == 0 ? null : string.Join(", ", list);
    }
}
