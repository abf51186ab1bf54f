namespace Cotravail.Web.Features.Newcomers;

public enum TestimonyStatus
{
    Pending = 0,
    Published = 1,
    Withdrawn = 2,
}

/// <summary>
/// A member's testimony, given with an explicit consent to publish it (its date kept). A manager publishes it;
/// withdrawing the consent erases the text and the testimony disappears at once.
/// </summary>
public sealed class Testimony
{
    public int Id { get; set; }
    public int NetworkId { get; set; }
    public string UserId { get; set; } = "";

    /// <summary>The name shown: first name and initial (« Sophie M. »).</summary>
    public string AuthorName { get; set; } = "";
    public string? Commune { get; set; }
    public string Text { get; set; } = "";
    public TestimonyStatus Status { get; set; }
    public DateTime ConsentAtUtc { get; set; }
    public DateTime? PublishedAtUtc { get; set; }
    public string? PublishedByUserId { get; set; }
    public DateTime? WithdrawnAtUtc { get; set; }
}
