using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common;

namespace Cotravail.Web.Features.Surveys.Manage;

/// <summary>A question as a manager types it; the choices one per line.</summary>
public sealed class QuestionInput : IValidatableObject
{
    public const int MaxChoices = 30;

    [Display(Name = "Intitulé de la question")]
    [Required(ErrorMessage = "L'intitulé de la question est obligatoire.")]
    [StringLength(500, ErrorMessage = "L'intitulé fait au plus 500 caractères.")]
    public string? Text { get; set; }

    [Display(Name = "Aide (facultative)")]
    [StringLength(500, ErrorMessage = "L'aide fait au plus 500 caractères.")]
    public string? Hint { get; set; }

    [Display(Name = "Type de question")]
    [Required(ErrorMessage = "Choisissez le type de question.")]
    public string? Kind { get; set; }

    [Display(Name = "Page")]
    [Range(1, 50, ErrorMessage = "La page est un nombre entre 1 et 50.")]
    public int Page { get; set; } = 1;

    [Display(Name = "Réponse obligatoire")]
    public bool Required { get; set; }

    [Display(Name = "Choix proposés (un par ligne)")]
    [StringLength(8000, ErrorMessage = "Les choix font au plus 8000 caractères.")]
    public string? Choices { get; set; }

    [Display(Name = "Valeur minimale")]
    public int? Min { get; set; }

    [Display(Name = "Valeur maximale")]
    public int? Max { get; set; }

    [Display(Name = "Afficher seulement si…")]
    public string? Condition { get; set; }

    public QuestionKind? ParsedKind => Enum.TryParse<QuestionKind>(Kind, out var k) && Enum.IsDefined(k) ? k : null;

    public List<string> ChoiceLines => Choices is null ? [] :
        [.. Choices.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kind is not null && ParsedKind is null)
        {
            yield return new(Texts.Get(validationContext, "Choisissez le type de question."), [nameof(Kind)]);
        }
        if (ParsedKind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice)
        {
            var lines = ChoiceLines;
            if (lines.Count < 2)
            {
                yield return new(Texts.Get(validationContext, "Donnez au moins deux choix, un par ligne."), [nameof(Choices)]);
            }
            else if (lines.Count > MaxChoices)
            {
                yield return new(Texts.Get(validationContext, "Une question propose au plus {0} choix.", MaxChoices), [nameof(Choices)]);
            }
            else if (lines.FirstOrDefault(l => l.Length > 200) is { } tooLong)
            {
                yield return new(Texts.Get(validationContext, "Un choix fait au plus 200 caractères : « {0}… ».", tooLong[..40]), [nameof(Choices)]);
            }
            else if (lines.GroupBy(l => l, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                yield return new(Texts.Get(validationContext, "Deux choix sont identiques : « {0} ».", twice.Key), [nameof(Choices)]);
            }
        }
        if (ParsedKind == QuestionKind.Number && Min is { } min && Max is { } max && max < min)
        {
            yield return new(Texts.Get(validationContext, "La valeur maximale doit être supérieure ou égale à la valeur minimale."), [nameof(Max)]);
        }
    }

    public static QuestionInput From(SurveyQuestion q) => new()
    {
        Text = q.Text, Hint = q.Hint, Kind = q.Kind.ToString(), Page = q.Page, Required = q.Required,
        Choices = string.Join("\n", q.OrderedOptions.Select(o => o.Label)), Min = q.Min, Max = q.Max,
        Condition = q.ShowIfQuestionId is { } p ? $"{p}:{q.ShowIfOptionId}" : null,
    };

    /// <summary>The condition as (question, option) ids, or null when none or unreadable.</summary>
    public (int QuestionId, int OptionId)? ParsedCondition()
    {
        var parts = (Condition ?? "").Split(':');
        return parts.Length == 2 && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var q)
            && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var o) ? (q, o) : null;
    }
}
