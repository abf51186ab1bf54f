namespace Cotravail.Web.Features.Newcomers;

/// <summary>A section of « Venir travailler dans la vallée » (quality of life, broadband, schools…), in Markdown, edited by managers.</summary>
public sealed class TerritorySection
{
    public int Id { get; set; }
    public int NetworkId { get; set; }
    public string Title { get; set; } = "";

    /// <summary>Markdown, shown as sanitised HTML (<see cref="Events.EventText"/>).</summary>
    public string Body { get; set; } = "";
    public int SortOrder { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Type of the section's picture as found by <see cref="Common.Images.ImageCheck"/> (null: no picture).</summary>
    public string? ImageContentType { get; set; }

    /// <summary>The picture's text alternative, required with a picture (RGAA 1.1).</summary>
    public string? ImageAlt { get; set; }

    /// <summary>Raised at each new picture, so that cached copies are not reused.</summary>
    public int ImageVersion { get; set; }
}

/// <summary>The bytes of a section's picture, apart from the section so that lists of sections do not load them.</summary>
public sealed class TerritorySectionImage
{
    public int SectionId { get; set; }
    public byte[] Content { get; set; } = [];
}

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
