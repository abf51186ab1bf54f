using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Surveys;

public sealed class QuestionOption
{
    public int Id { get; set; }
    public int QuestionId { get; set; }
    public int Position { get; set; }
    public string Label { get; set; } = "";
}
