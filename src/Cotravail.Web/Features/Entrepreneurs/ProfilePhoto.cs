namespace Cotravail.Web.Features.Entrepreneurs;

/// <summary>The photo or logo of a profile, checked by <see cref="Common.Images.ImageCheck"/>, kept apart from lists.</summary>
public sealed class ProfilePhoto
{
    public int ProfileId { get; set; }
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}
