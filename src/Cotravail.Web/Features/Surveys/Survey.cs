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

public sealed class QuestionOption
{
    public int Id { get; set; }
    public int QuestionId { get; set; }
    public int Position { get; set; }
    public string Label { get; set; } = "";
}

public enum ResponseStatus
{
    /// <summary>Being filled in, page by page; not counted.</summary>
    Draft,

    /// <summary>Sent, waiting for the click on the e-mailed link; not counted yet.</summary>
    AwaitingConfirmation,

    /// <summary>Counted in the results.</summary>
    Complete,
}

/// <summary>One person's answers. Anonymous: no account; an e-mail address only when the survey asks for one.</summary>
public sealed class SurveyResponse
{
    public int Id { get; set; }
    public int SurveyId { get; set; }

    /// <summary>Random, unguessable key of a draft, kept by the browser between pages.</summary>
    public string Token { get; set; } = "";
    public ResponseStatus Status { get; set; }

    /// <summary>The furthest page reached: a browser may come back to any page up to it, never skip ahead.</summary>
    public int FurthestPage { get; set; } = 1;
    public DateTime StartedAtUtc { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    public string? Email { get; set; }
    public string? ConfirmationToken { get; set; }

    /// <summary>Set on confirmation; unique per survey, so that an address counts once.</summary>
    public string? ConfirmedEmail { get; set; }

    public List<SurveyAnswer> Answers { get; } = [];
}

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
