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
