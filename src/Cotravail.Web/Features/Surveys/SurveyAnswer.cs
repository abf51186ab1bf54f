using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Surveys;

/// <summary>One answer to one question: a chosen option (one row per option for multiple choice), a number or a text.</summary>
public sealed class SurveyAnswer
{
    public int Id { get; set; }
    public int ResponseId { get; set; }
    public int QuestionId { get; set; }
    public SurveyQuestion? Question { get; set; }
    public int? OptionId { get; set; }
    public QuestionOption? Option { get; set; }
    public int? Number { get; set; }
    public string? Text { get; set; }
}
