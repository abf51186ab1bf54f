namespace Cotravail.Web.Features.Newcomers;

/// <summary>The bytes of a section's picture, apart from the section so that lists of sections do not load them.</summary>
public sealed class TerritorySectionImage
{
    public int SectionId { get; set; }
    public byte[] Content { get; set; } = [];
}
