using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Cotravail.Web.Common;

namespace Cotravail.Web.Features.Sites.Manage;

/// <summary>What a manager types to create or edit a site, and the rules it must follow.</summary>
public sealed class SiteInput : IValidatableObject
{
    [Display(Name = "Nom de l'espace")]
    [Required(ErrorMessage = "Le nom est obligatoire.")]
    [StringLength(120, ErrorMessage = "Le nom fait au plus 120 caractères.")]
    public string? Name { get; set; }

    [Display(Name = "Commune")]
    [Required(ErrorMessage = "La commune est obligatoire.")]
    [StringLength(80, ErrorMessage = "La commune fait au plus 80 caractères.")]
    public string? Commune { get; set; }

    [Display(Name = "Code postal")]
    [Required(ErrorMessage = "Le code postal est obligatoire.")]
    [Postcode]
    public string? Postcode { get; set; }

    [Display(Name = "Adresse")]
    [Required(ErrorMessage = "L'adresse est obligatoire.")]
    [StringLength(200, ErrorMessage = "L'adresse fait au plus 200 caractères.")]
    public string? Address { get; set; }

    [Display(Name = "Présentation")]
    [StringLength(4000, ErrorMessage = "La présentation fait au plus 4000 caractères.")]
    public string? Description { get; set; }

    [Display(Name = "Latitude")]
    [StringLength(20, ErrorMessage = "La latitude fait au plus 20 caractères.")]
    public string? Latitude { get; set; }

    [Display(Name = "Longitude")]
    [StringLength(20, ErrorMessage = "La longitude fait au plus 20 caractères.")]
    public string? Longitude { get; set; }

    [Display(Name = "Surface (m²)")]
    [Range(1, 100_000, ErrorMessage = "La surface doit être comprise entre 1 et 100 000 m².")]
    public int? AreaSquareMetres { get; set; }

    [Display(Name = "Débit descendant (Mbit/s)")]
    [Range(0, 100_000, ErrorMessage = "Le débit doit être compris entre 0 et 100 000 Mbit/s.")]
    public int? InternetDownMbps { get; set; }

    [Display(Name = "Débit montant (Mbit/s)")]
    [Range(0, 100_000, ErrorMessage = "Le débit doit être compris entre 0 et 100 000 Mbit/s.")]
    public int? InternetUpMbps { get; set; }

    [Display(Name = "Accès de plain-pied")]
    public bool StepFreeAccess { get; set; }

    [Display(Name = "Services à proximité (un par ligne)")]
    [StringLength(2000, ErrorMessage = "Les services font au plus 2000 caractères.")]
    public string? ServicesNearby { get; set; }

    [Display(Name = "E-mail de contact")]
    [EmailAddress(ErrorMessage = "L'adresse e-mail n'est pas valide.")]
    [StringLength(256, ErrorMessage = "L'adresse e-mail est trop longue.")]
    public string? ContactEmail { get; set; }

    [Display(Name = "Téléphone")]
    [StringLength(30, ErrorMessage = "Le téléphone fait au plus 30 caractères.")]
    public string? Phone { get; set; }

    [Display(Name = "Prix du pass journée (€)")]
    [Required(ErrorMessage = "Le prix du pass journée est obligatoire.")]
    [Euros]
    public string? DayPrice { get; set; }

    [Display(Name = "Fermé les jours fériés")]
    public bool ClosedOnPublicHolidays { get; set; } = true;

    [Display(Name = "Fuseau horaire")]
    public string TimeZone { get; set; } = "Europe/Paris";

    [Display(Name = "Réservations possibles jusqu'à (jours à l'avance)")]
    [Range(1, 730, ErrorMessage = "De 1 à 730 jours.")]
    public int BookingHorizonDays { get; set; } = 90;

    [Display(Name = "Fin de la matinée")]
    public TimeOnly HalfDaySplit { get; set; } = new(13, 0);

    [Display(Name = "Annulation gratuite d'un poste jusqu'à (la veille)")]
    public TimeOnly DeskCancelCutoff { get; set; } = new(18, 0);

    [Display(Name = "Annulation gratuite d'une salle jusqu'à (minutes avant)")]
    [Range(0, 10_080, ErrorMessage = "De 0 à 10 080 minutes (une semaine).")]
    public int RoomCancelNoticeMinutes { get; set; } = 120;

    [Display(Name = "Heure des absences (places libérées)")]
    public TimeOnly NoShowTime { get; set; } = new(11, 0);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Postcode) && Communes.IsPostcode(Postcode.Trim()) && !string.IsNullOrWhiteSpace(Commune)
                 && Communes.Find(Postcode.Trim(), Commune) is null)
        {
            var known = string.Join(", ", Communes.At(Postcode.Trim()));
            yield return new ValidationResult(
                known.Length == 0
                    ? Texts.Get(validationContext, "Commune inconnue : aucune commune de la liste n'a le code postal {0}.", Postcode.Trim())
                    : Texts.Get(validationContext, "Commune inconnue pour le code postal {0} (communes connues : {1}).", Postcode.Trim(), known),
                [nameof(Commune)]);
        }
        foreach (var error in CoordinateErrors(validationContext))
        {
            yield return error;
        }
        if (HalfDaySplit.Minute % 30 != 0)
        {
            yield return new ValidationResult(Texts.Get(validationContext, "À l'heure pile ou à la demie, par exemple 8:00 ou 8:30."), [nameof(HalfDaySplit)]);
        }
        if (string.IsNullOrWhiteSpace(TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult(Texts.Get(validationContext, "Fuseau horaire inconnu (par exemple Europe/Paris)."), [nameof(TimeZone)]);
        }
    }

    private IEnumerable<ValidationResult> CoordinateErrors(ValidationContext context)
    {
        var lat = Degrees(Latitude);
        var lon = Degrees(Longitude);
        if (!string.IsNullOrWhiteSpace(Latitude) && lat is not (>= -90 and <= 90))
        {
            yield return new ValidationResult(Texts.Get(context, "La latitude est un nombre de degrés entre -90 et 90, par exemple 44,4786."), [nameof(Latitude)]);
        }
        if (!string.IsNullOrWhiteSpace(Longitude) && lon is not (>= -180 and <= 180))
        {
            yield return new ValidationResult(Texts.Get(context, "La longitude est un nombre de degrés entre -180 et 180, par exemple 1,2884."), [nameof(Longitude)]);
        }
        if (string.IsNullOrWhiteSpace(Latitude) != string.IsNullOrWhiteSpace(Longitude))
        {
            var missing = string.IsNullOrWhiteSpace(Latitude) ? nameof(Latitude) : nameof(Longitude);
            yield return new ValidationResult(Texts.Get(context, "Indiquez la latitude et la longitude, ou aucune des deux."), [missing]);
        }
    }

    /// <summary>Degrees typed with a comma or a point (« 44,4786 » or « 44.4786 »); null when it is no number.</summary>
    public static double? Degrees(string? text) =>
        double.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) ? value : null;

    private static string? ShowDegrees(double? value) => value?.ToString("0.######", CultureInfo.GetCultureInfo("fr-FR"));

    public static SiteInput From(Site s) => new()
    {
        Latitude = ShowDegrees(s.Latitude), Longitude = ShowDegrees(s.Longitude),
        Name = s.Name, Commune = s.Commune, Postcode = s.Postcode, Address = s.Address, Description = s.Description,
        AreaSquareMetres = s.AreaSquareMetres, InternetDownMbps = s.InternetDownMbps, InternetUpMbps = s.InternetUpMbps,
        StepFreeAccess = s.StepFreeAccess, ServicesNearby = s.ServicesNearby, ContactEmail = s.ContactEmail, Phone = s.Phone,
        DayPrice = Money.ToInput(s.DayPriceCents), ClosedOnPublicHolidays = s.ClosedOnPublicHolidays, TimeZone = s.TimeZone,
        BookingHorizonDays = s.BookingHorizonDays, HalfDaySplit = s.HalfDaySplit, DeskCancelCutoff = s.DeskCancelCutoff,
        RoomCancelNoticeMinutes = s.RoomCancelNoticeMinutes, NoShowTime = s.NoShowTime,
    };

    /// <summary>Copies the (valid) input onto the site; the commune takes its official spelling.</summary>
    public void ApplyTo(Site s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var postcode = Postcode!.Trim();
        s.Name = Name!.Trim();
        s.Postcode = postcode;
        s.Commune = Communes.Find(postcode, Commune!) ?? Commune!.Trim();
        s.Address = Address!.Trim();
        s.Description = Blank(Description);
        (s.Latitude, s.Longitude) = (Degrees(Latitude), Degrees(Longitude)) is ({ } lat, { } lon) ? (lat, lon) : ((double?)null, (double?)null);
        s.AreaSquareMetres = AreaSquareMetres;
        s.InternetDownMbps = InternetDownMbps;
        s.InternetUpMbps = InternetUpMbps;
        s.StepFreeAccess = StepFreeAccess;
        s.ServicesNearby = Blank(ServicesNearby?.Replace("\r", "", StringComparison.Ordinal));
        s.ContactEmail = Blank(ContactEmail);
        s.Phone = Blank(Phone);
        s.DayPriceCents = Money.TryParseEuros(DayPrice, out var cents) ? cents : s.DayPriceCents;
        s.ClosedOnPublicHolidays = ClosedOnPublicHolidays;
        s.TimeZone = TimeZone;
        s.BookingHorizonDays = BookingHorizonDays;
        s.HalfDaySplit = HalfDaySplit;
        s.DeskCancelCutoff = DeskCancelCutoff;
        s.RoomCancelNoticeMinutes = RoomCancelNoticeMinutes;
        s.NoShowTime = NoShowTime;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
