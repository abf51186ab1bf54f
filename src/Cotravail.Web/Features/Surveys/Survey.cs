using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Surveys;

/// <summary>
/// An enquête of a network: pages of questions, a public link (<see cref="Slug"/>), opening and closing days
/// (inclusive, Paris time). Answers are anonymous; with <see cref="OnePerEmail"/> each answer is confirmed by
/// a link sent by e-mail and counts once per address.
/// </summary>
public sealed class Survey
{
    public const string TimeZone = "Europe/Paris";

    public int Id { get; set; }
    public int NetworkId { get; set; }
    public Network? Network { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string Slug { get; set; } = "";
    public bool IsPublished { get; set; }
    public DateOnly? OpensOn { get; set; }
    public DateOnly? ClosesOn { get; set; }
    public bool ResultsPublic { get; set; }
    public bool OnePerEmail { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    public List<SurveyQuestion> Questions { get; } = [];

    public SurveyState StateOn(DateOnly today) =>
        !IsPublished ? SurveyState.Draft
        : OpensOn is { } o && today < o ? SurveyState.NotYetOpen
        : ClosesOn is { } c && today > c ? SurveyState.Closed
        : SurveyState.Open;

    /// <summary>Today in Paris, the day the opening and closing dates are read against.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }

    /// <summary>Questions in the order people meet them: by page, then position.</summary>
    public IEnumerable<SurveyQuestion> Ordered => Questions.OrderBy(q => q.Page).ThenBy(q => q.Position).ThenBy(q => q.Id);

    public IReadOnlyList<int> Pages => [.. Questions.Select(q => q.Page).Distinct().Order()];
}

public enum SurveyState
{
    Draft,
    NotYetOpen,
    Open,
    Closed,
}
