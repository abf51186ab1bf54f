namespace Cotravail.Web.Features.Sites.Photos;

/// <summary>The limits of a site's photos, and the widths they are served in.</summary>
public static class SitePhotoRules
{
    public const int MaxDescription = 250;
    public const int MaxPhotosPerSite = 12;

    /// <summary>Above this many pixels a picture is refused before it is decoded (memory of the server).</summary>
    public const long MaxPixels = 24_000_000;

    /// <summary>The widths served, smallest first; a smaller picture stops at its own width.</summary>
    public static readonly int[] Widths = [320, 640, 1280];

    /// <summary>The widths made for a picture <paramref name="width"/> pixels wide.</summary>
    public static IReadOnlyList<int> WidthsFor(int width)
    {
        var widths = Widths.Where(w => w < width).ToList();
        if (widths.Count < Widths.Length)
        {
            widths.Add(Math.Min(width, Widths[^1]));
        }
        return widths;
    }
}
