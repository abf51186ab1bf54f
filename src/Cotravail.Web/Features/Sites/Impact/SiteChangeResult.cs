namespace Cotravail.Web.Features.Sites.Impact;

public enum SiteChangeOutcome
{
    /// <summary>Saved; <see cref="SiteChangeResult.Cancelled"/> lists what it cancelled (empty when nothing was affected).</summary>
    Done,

    /// <summary>Not saved: the change affects people and was not confirmed, or the set changed since the preview.</summary>
    NeedsConfirmation,

    /// <summary>Not saved: the change itself was refused (<see cref="SiteChangeResult.Problem"/>, in French).</summary>
    Refused,
}

/// <summary>What became of a change asked through <see cref="SiteChangeImpacts.ApplyAsync"/>.</summary>
public sealed record SiteChangeResult(SiteChangeOutcome Outcome, ImpactPreview? Preview = null, IReadOnlyList<AffectedItem>? Cancelled = null, string? Problem = null)
{
    /// <summary>True when a confirmation was posted but the affected set is no longer the one previewed.</summary>
    public bool SetChanged { get; init; }
}
