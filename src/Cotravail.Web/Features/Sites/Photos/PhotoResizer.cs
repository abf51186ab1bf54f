using System.Security.Cryptography;
using SkiaSharp;

namespace Cotravail.Web.Features.Sites.Photos;

/// <summary>One resized copy, encoded.</summary>
public sealed record ResizedVariant(int Width, int Height, string Format, byte[] Content);

/// <summary>A picture turned upright and resized into every width of <see cref="SitePhotoRules.Widths"/>.</summary>
public sealed record ResizedPhoto(int Width, int Height, string Version, IReadOnlyList<ResizedVariant> Variants);

/// <summary>
/// Decodes a checked upload with SkiaSharp, turns it upright (EXIF orientation), puts white behind transparent parts,
/// and encodes each width in WebP and JPEG. Nothing of the original file is kept: its metadata (place, camera) is gone.
/// </summary>
public static class PhotoResizer
{
    private const int WebPQuality = 76;
    private const int JpegQuality = 80;

    /// <summary>The resized photo, or null when the picture cannot be decoded.</summary>
    public static ResizedPhoto? Resize(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var skData = SKData.CreateCopy(data);
        using var codec = SKCodec.Create(skData);
        if (codec is null || (long)codec.Info.Width * codec.Info.Height > SitePhotoRules.MaxPixels)
        {
            return null;
        }
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(info);
        var read = codec.GetPixels(info, decoded.GetPixels());
        if (read is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return null;
        }
        using var upright = Upright(decoded, codec.EncodedOrigin);
        var variants = new List<ResizedVariant>();
        foreach (var width in SitePhotoRules.WidthsFor(upright.Width))
        {
            var height = Math.Max(1, (int)Math.Round(upright.Height * (double)width / upright.Width));
            using var image = Scaled(upright, width, height);
            using var webp = image.Encode(SKEncodedImageFormat.Webp, WebPQuality);
            using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
            if (webp is null || jpeg is null)
            {
                return null;
            }
            variants.Add(new ResizedVariant(width, height, "webp", webp.ToArray()));
            variants.Add(new ResizedVariant(width, height, "jpg", jpeg.ToArray()));
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var v in variants)
        {
            hash.AppendData(v.Content);
        }
        var version = Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
        return new ResizedPhoto(upright.Width, upright.Height, version, variants);
    }

    /// <summary>Halves while the picture is more than twice too wide (no aliasing), then one last cubic step, on white.</summary>
    private static SKImage Scaled(SKBitmap source, int width, int height)
    {
        var current = source;
        try
        {
            while (current.Width >= width * 2)
            {
                var half = current.Resize(new SKImageInfo(current.Width / 2, Math.Max(1, current.Height / 2), SKColorType.Rgba8888, SKAlphaType.Premul),
                    new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
                if (!ReferenceEquals(current, source))
                {
                    current.Dispose();
                }
                current = half;
            }
            using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
            surface.Canvas.Clear(SKColors.White);
            using var image = SKImage.FromBitmap(current);
            surface.Canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
            return surface.Snapshot();
        }
        finally
        {
            if (!ReferenceEquals(current, source))
            {
                current.Dispose();
            }
        }
    }

    private static SKBitmap Upright(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
        {
            return bitmap.Copy();
        }
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = swap ? (bitmap.Height, bitmap.Width) : (bitmap.Width, bitmap.Height);
        var result = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(result);
        canvas.SetMatrix(origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, w, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, w, -1, 0, h, 0, 0, 1),
            _ => new SKMatrix(0, 1, 0, -1, 0, h, 0, 0, 1), // LeftBottom
        });
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return result;
    }
}
