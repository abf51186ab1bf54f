using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Surveys;

public enum QuestionKind
{
    SingleChoice,
    MultipleChoice,
    Scale,
    Number,
    ShortText,
    LongText,
    Postcode,
}

public sealed class SurveyQuestion
{
    public const int ScaleMin = 1;
    public const int ScaleMax = 5;

    public int Id { get; set; }
    public int SurveyId { get; set; }
    public int Page { get; set; } = 1;
    public int Position { get; set; }
    public QuestionKind Kind { get; set; }
    public string Text { get; set; } = "";
    public string? Hint { get; set; }
    public bool Required { get; set; }

    /// <summary>Bounds of a <see cref="QuestionKind.Number"/> answer, inclusive.</summary>
    public int? Min { get; set; }
    public int? Max { get; set; }

    /// <summary>Shown only when this single-choice question was answered with <see cref="ShowIfOptionId"/>.</summary>
    public int? ShowIfQuestionId { get; set; }
    public int? ShowIfOptionId { get; set; }

    public List<QuestionOption> Options { get; } = [];

    public bool HasOptions => Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;

    public IEnumerable<QuestionOption> OrderedOptions => Options.OrderBy(o => o.Position).ThenBy(o => o.Id);
}
