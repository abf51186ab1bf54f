using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common;

namespace Cotravail.Web.Features.Surveys.Manage;

/// <summary>The settings of a survey as a manager types them.</summary>
public sealed class SurveyInput : IValidatableObject
{
    [Display(Name = "Titre de l'enquête")]
    [Required(ErrorMessage = "Le titre est obligatoire.")]
    [StringLength(200, ErrorMessage = "Le titre fait au plus 200 caractères.")]
    public string? Title { get; set; }

    [Display(Name = "Présentation (affichée avant la première question)")]
    [StringLength(4000, ErrorMessage = "La présentation fait au plus 4000 caractères.")]
    public string? Description { get; set; }

    [Display(Name = "Lien public")]
    [Required(ErrorMessage = "Le lien public est obligatoire.")]
    [StringLength(80, MinimumLength = 3, ErrorMessage = "Le lien public fait de 3 à 80 caractères.")]
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Le lien public ne contient que des minuscules sans accents, des chiffres et des tirets, par exemple besoins-coworking.")]
    public string? Slug { get; set; }

    [Display(Name = "Premier jour pour répondre")]
    public DateOnly? OpensOn { get; set; }

    [Display(Name = "Dernier jour pour répondre")]
    public DateOnly? ClosesOn { get; set; }

    [Display(Name = "Une seule réponse par adresse e-mail, confirmée par un lien envoyé par e-mail")]
    public bool OnePerEmail { get; set; }

    [Display(Name = "Résultats publics")]
    public bool ResultsPublic { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OpensOn is { } opens && !Dates.IsPlausible(opens))
        {
            yield return new(Texts.Get(validationContext, Dates.NotPlausible), [nameof(OpensOn)]);
        }
        if (ClosesOn is { } closes && !Dates.IsPlausible(closes))
        {
            yield return new(Texts.Get(validationContext, Dates.NotPlausible), [nameof(ClosesOn)]);
        }
        if (OpensOn is { } o && ClosesOn is { } c && c < o)
        {
            yield return new(Texts.Get(validationContext, "Le dernier jour doit être le premier jour ou après."), [nameof(ClosesOn)]);
        }
    }

    public static SurveyInput From(Survey s) => new()
    {
        Title = s.Title, Description = s.Description, Slug = s.Slug, OpensOn = s.OpensOn, ClosesOn = s.ClosesOn,
        OnePerEmail = s.OnePerEmail, ResultsPublic = s.ResultsPublic,
    };

    public void ApplyTo(Survey s)
    {
        ArgumentNullException.ThrowIfNull(s);
        s.Title = Title!.Trim();
        s.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Replace("\r", "", StringComparison.Ordinal).Trim();
        s.Slug = Slug!.Trim();
        s.OpensOn = OpensOn;
        s.ClosesOn = ClosesOn;
        s.OnePerEmail = OnePerEmail;
        s.ResultsPublic = ResultsPublic;
    }
}
