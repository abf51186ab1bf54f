using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Surveys;

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
