using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Cotravail.Web.Common;

namespace Cotravail.Web.Features.Newcomers;

/// <summary>
/// What a person or a firm tells us in « Je m'installe / je découvre », from the page or from the API:
/// the same rules for both. At least an e-mail or a phone, every text bounded.
/// </summary>
public sealed class RequestForm : IValidatableObject
{
    public const string Person = "person";
    public const string Firm = "firm";
    public const int NameMax = 120;
    public const int MessageMax = 4000;

    public static readonly string[] Kinds = [Person, Firm];
    public static readonly string[] Projects = ["telework", "businessCreation", "relocation", "other"];
    public static readonly string[] AllNeeds = ["desk", "network", "housing", "schooling", "partnerJob"];

    [Display(Name = "Vous êtes")]
    [Required(ErrorMessage = "Dites-nous si vous venez à titre personnel ou pour une entreprise.")]
    public string? Kind { get; set; }

    [Display(Name = "Votre nom")]
    [Required(ErrorMessage = "Indiquez votre nom.")]
    [StringLength(NameMax, ErrorMessage = "Le nom fait au plus 120 caractères.")]
    public string? Name { get; set; }

    [Display(Name = "Entreprise ou structure (facultatif)")]
    [StringLength(NameMax, ErrorMessage = "Le nom de l'entreprise fait au plus 120 caractères.")]
    public string? Organisation { get; set; }

    [Display(Name = "Adresse e-mail")]
    [StringLength(254, ErrorMessage = "L'adresse e-mail fait au plus 254 caractères.")]
    [EmailAddress(ErrorMessage = "L'adresse e-mail n'est pas valide.")]
    public string? Email { get; set; }

    [Display(Name = "Téléphone")]
    [StringLength(30, ErrorMessage = "Le numéro de téléphone fait au plus 30 caractères.")]
    [RegularExpression(@"^\+?[0-9 .()\-]{6,30}$", ErrorMessage = "Le numéro de téléphone ne peut contenir que des chiffres, des espaces, des points, des tirets et un + au début.")]
    public string? Phone { get; set; }

    [Display(Name = "Votre projet")]
    [Required(ErrorMessage = "Choisissez votre projet.")]
    public string? Project { get; set; }

    [Display(Name = "Code postal d'où vous venez")]
    [Postcode]
    public string? OriginPostcode { get; set; }

    [Display(Name = "Ou pays, si vous venez de l'étranger")]
    [StringLength(80, ErrorMessage = "Le pays fait au plus 80 caractères.")]
    public string? OriginCountry { get; set; }

    [Display(Name = "Mois d'arrivée envisagé (facultatif)")]
    [StringLength(7, ErrorMessage = "Le mois doit s'écrire AAAA-MM, par exemple 2027-03.")]
    public string? ArrivalMonth { get; set; }

    [Display(Name = "Vos besoins")]
    public List<string> Needs
    {
        get => _needs;
        set => _needs = value ?? []; // "needs": null in JSON means none
    }

    private List<string> _needs = [];

    [Display(Name = "Votre message (facultatif)")]
    [StringLength(MessageMax, ErrorMessage = "Le message fait au plus 4000 caractères.")]
    public string? Message { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kind is not null && !Kinds.Contains(Kind))
        {
            yield return new(Texts.Get(validationContext, "Choisissez « une personne » ou « une entreprise »."), [nameof(Kind)]);
        }
        if (Project is not null && !Projects.Contains(Project))
        {
            yield return new(Texts.Get(validationContext, "Choisissez un projet dans la liste."), [nameof(Project)]);
        }
        if (Needs.Count > AllNeeds.Length || Needs.Any(n => !AllNeeds.Contains(n)))
        {
            yield return new(Texts.Get(validationContext, "Choisissez vos besoins dans la liste."), [nameof(Needs)]);
        }
        if (string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Phone))
        {
            yield return new(Texts.Get(validationContext, "Indiquez une adresse e-mail ou un numéro de téléphone : sans l'un des deux, nous ne pourrons pas vous répondre."),
                [nameof(Email), nameof(Phone)]);
        }
        if (!string.IsNullOrWhiteSpace(ArrivalMonth) && ParseMonth(ArrivalMonth) is null)
        {
            yield return new(Texts.Get(validationContext, "Le mois doit s'écrire AAAA-MM, par exemple 2027-03."), [nameof(ArrivalMonth)]);
        }
    }

    /// <summary>The first day of a month written « 2027-03 » (between 2000 and 2100), or null.</summary>
    public static DateOnly? ParseMonth(string? text) =>
        DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && Dates.IsPlausible(d)
            ? d : null;

    /// <summary>Every rule at once (fields and the object's own), keyed by the field's name in the API (camelCase).</summary>
    public Dictionary<string, string[]> Errors(IServiceProvider? services)
    {
        var context = new ValidationContext(this, services, null);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, context, results, validateAllProperties: true);
        var failed = results.SelectMany(r => r.MemberNames).ToHashSet(StringComparer.Ordinal);
        if (results.Count > 0)
        {
            results.AddRange(Validate(context).Where(r => !r.MemberNames.Any(failed.Contains)));
        }
        return results
            .SelectMany(r => r.MemberNames.Select(m => (Field: System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(m), r.ErrorMessage ?? "")))
            .GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Item2).Distinct().ToArray(), StringComparer.Ordinal);
    }
}
