namespace Cotravail.Web.Features.Surveys.Take;

/// <summary>One question as the answering page draws it: its values, its messages and, if any, when to answer it.</summary>
public sealed record QuestionField(SurveyQuestion Question, IReadOnlyList<string> Values, IReadOnlyList<string> Errors, string? When)
{
    public string Id => TakeModel.Field(Question);

    /// <summary>Where the error summary's link leads: the field, or the first choice of a group.</summary>
    public string FirstInputId => Question.Kind switch
    {
        QuestionKind.SingleChoice or QuestionKind.MultipleChoice => $"{Id}-{Question.OrderedOptions.FirstOrDefault()?.Id}",
        QuestionKind.Scale => $"{Id}-{SurveyQuestion.ScaleMin}",
        _ => Id,
    };

    public string? DescribedBy
    {
        get
        {
            var ids = new List<string>();
            if (Hint is not null)
            {
                ids.Add(Id + "-hint");
            }
            if (Errors.Count > 0)
            {
                ids.Add(Id + "-error");
            }
            return ids.Count == 0 ? null : string.Join(' ', ids);
        }
    }

    /// <summary>The manager's hint, then the rule of the field, then the condition, as one text.</summary>
    public string? Hint { get; init; }
}
