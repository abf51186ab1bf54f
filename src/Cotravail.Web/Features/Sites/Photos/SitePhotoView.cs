namespace Cotravail.Web.Features.Sites.Photos;

/// <summary>What a page needs to show a photo: its URLs for each width, its size and its description.</summary>
public sealed record SitePhotoView(int Id, int SiteId, string Description, string Version, int Width, int Height, IReadOnlyList<int> Widths)
{
    /// <summary>The stable URL of one variant: the version changes with the content, so it is cached for a year.</summary>
    public string Url(int width, string format) => SitePhotoUrls.Of(Id, Version, width, format);

    public string SrcSet(string format) => string.Join(", ", Widths.Select(w => $"{Url(w, format)} {w}w"));

    public int Smallest => Widths[0];

    public int HeightAt(int width) => Math.Max(1, (int)Math.Round(Height * (double)width / Width));
}

public static class SitePhotoUrls
{
    public const string Prefix = "/photos/espaces";

    public static string Of(int id, string version, int width, string format) => $"{Prefix}/{id}/{version}/{width}.{format}";
}
