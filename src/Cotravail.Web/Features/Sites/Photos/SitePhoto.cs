namespace Cotravail.Web.Features.Sites.Photos;

/// <summary>
/// A photo of a site, shown to the public: its description (the text read instead of the image), its place in the
/// site's order (the first is the main photo) and the size of what was uploaded. The picture itself is kept only as
/// its resized variants (<see cref="SitePhotoVariant"/>); <see cref="Version"/> names them in their URLs.
/// </summary>
public sealed class SitePhoto
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public string Description { get; set; } = "";
    public int SortOrder { get; set; }

    /// <summary>Size of the uploaded picture, after turning it upright.</summary>
    public int Width { get; set; }
    public int Height { get; set; }

    /// <summary>A short hash of the variants: a URL that names it never changes content, so it is cached for good.</summary>
    public string Version { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public List<SitePhotoVariant> Variants { get; } = [];
}

/// <summary>One resized copy of a <see cref="SitePhoto"/>: a width in one format (WebP or JPEG).</summary>
public sealed class SitePhotoVariant
{
    public int Id { get; set; }
    public int PhotoId { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }

    /// <summary>« webp » or « jpg »: the extension in the URL; the content type follows from it.</summary>
    public string Format { get; set; } = "";
    public byte[] Content { get; set; } = [];
}
