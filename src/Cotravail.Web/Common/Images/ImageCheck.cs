using System.Buffers.Binary;

namespace Cotravail.Web.Common.Images;

/// <summary>A picture that passed <see cref="ImageCheck"/>: its safe content type, extension and dimensions.</summary>
public sealed record CheckedImage(string ContentType, string Extension, int Width, int Height);

/// <summary>
/// Checks an uploaded photo or logo: JPEG, PNG or WebP of at most <see cref="MaxBytes"/>. The first bytes must name
/// the type (magic bytes), and the header of that type must then read whole: PNG signature, IHDR chunk with its CRC
/// and the IEND end marker; JPEG markers up to a start-of-frame then the end-of-image marker; WebP's RIFF size and
/// a VP8, VP8L or VP8X header. A file that only starts like an image (a polyglot, a script with a PNG prefix, a
/// renamed file) is refused. The declared type of the upload is never trusted; the type served is the one found here.
/// </summary>
public static class ImageCheck
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxSide = 10_000;

    /// <summary>The checked image, or null with the French reason.</summary>
    public static CheckedImage? Inspect(ReadOnlySpan<byte> data, out string? error)
    {
        error = null;
        if (data.Length == 0)
        {
            error = "Le fichier est vide.";
            return null;
        }
        if (data.Length > MaxBytes)
        {
            error = "L'image dépasse 2 Mo.";
            return null;
        }
        var found = data switch
        {
            _ when data.StartsWith(PngSignature) => Png(data),
            [0xFF, 0xD8, 0xFF, ..] => Jpeg(data),
            _ when data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8) => WebP(data),
            _ => null,
        };
        if (found is null)
        {
            error = "Ce fichier n'est pas une image JPEG, PNG ou WebP valide.";
            return null;
        }
        if (found.Width is < 1 or > MaxSide || found.Height is < 1 or > MaxSide)
        {
            error = "Les dimensions de l'image ne sont pas acceptées (au plus 10 000 pixels de côté).";
            return null;
        }
        return found;
    }

    /// <summary>Reads an upload of at most <see cref="MaxBytes"/> (one byte more tells it is too large).</summary>
    public static async Task<byte[]> ReadLimitedAsync(Stream stream, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                break;
            }
        }
        return buffer.ToArray();
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static CheckedImage? Png(ReadOnlySpan<byte> d)
    {
        // IHDR first: length 13, type, data, CRC over type + data.
        if (d.Length < 8 + 25 + 12 || BinaryPrimitives.ReadUInt32BigEndian(d[8..]) != 13 || !d.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return null;
        }
        if (Crc32(d.Slice(12, 17)) != BinaryPrimitives.ReadUInt32BigEndian(d[29..]))
        {
            return null;
        }
        var width = BinaryPrimitives.ReadInt32BigEndian(d[16..]);
        var height = BinaryPrimitives.ReadInt32BigEndian(d[20..]);
        var depth = d[24];
        var colour = d[25];
        if (depth is not (1 or 2 or 4 or 8 or 16) || colour is not (0 or 2 or 3 or 4 or 6))
        {
            return null;
        }
        // Walk the chunks to IEND: nothing may follow the image (no appended script or archive).
        var pos = 8;
        var sawData = false;
        while (pos + 12 <= d.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(d[pos..]);
            if (length > int.MaxValue || pos + 12 + (long)length > d.Length)
            {
                return null;
            }
            var type = d.Slice(pos + 4, 4);
            sawData |= type.SequenceEqual("IDAT"u8);
            pos += 12 + (int)length;
            if (type.SequenceEqual("IEND"u8))
            {
                return sawData && pos == d.Length ? new CheckedImage("image/png", "png", width, height) : null;
            }
        }
        return null;
    }

    private static CheckedImage? Jpeg(ReadOnlySpan<byte> d)
    {
        var pos = 2;
        int? width = null, height = null;
        while (pos + 4 <= d.Length)
        {
            if (d[pos] != 0xFF)
            {
                return null;
            }
            var marker = d[pos + 1];
            if (marker == 0xFF)
            {
                pos++;
                continue;
            }
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                pos += 2;
                continue;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(d[(pos + 2)..]);
            if (length < 2 || pos + 2 + length > d.Length)
            {
                return null;
            }
            if (marker is (>= 0xC0 and <= 0xCF) and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (length < 8)
                {
                    return null;
                }
                height = BinaryPrimitives.ReadUInt16BigEndian(d[(pos + 5)..]);
                width = BinaryPrimitives.ReadUInt16BigEndian(d[(pos + 7)..]);
            }
            if (marker == 0xDA)
            {
                break; // start of scan: entropy-coded data follows
            }
            pos += 2 + length;
        }
        // The image ends with EOI; nothing may follow it.
        return width is { } w && height is { } h && d.Length >= 4 && d[^2] == 0xFF && d[^1] == 0xD9
            ? new CheckedImage("image/jpeg", "jpg", w, h)
            : null;
    }

    private static CheckedImage? WebP(ReadOnlySpan<byte> d)
    {
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(d[4..]);
        if (riffSize + 8L != d.Length || riffSize % 2 == 1 || d.Length < 21)
        {
            return null;
        }
        var chunk = d.Slice(12, 4);
        var body = d[20..];
        if (BinaryPrimitives.ReadUInt32LittleEndian(d[16..]) > (uint)body.Length)
        {
            return null;
        }
        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Key frame: 3 bytes frame tag, start code 9D 01 2A, then 14-bit width and height.
            if (body.Length < 10 || (body[0] & 1) != 0 || body[3] != 0x9D || body[4] != 0x01 || body[5] != 0x2A)
            {
                return null;
            }
            return new CheckedImage("image/webp", "webp",
                BinaryPrimitives.ReadUInt16LittleEndian(body[6..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(body[8..]) & 0x3FFF);
        }
        if (chunk.SequenceEqual("VP8L"u8))
        {
            if (body.Length < 5 || body[0] != 0x2F)
            {
                return null;
            }
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(body[1..]);
            if (bits >> 29 != 0)
            {
                return null; // version must be 0
            }
            return new CheckedImage("image/webp", "webp", (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }
        if (chunk.SequenceEqual("VP8X"u8))
        {
            if (body.Length < 10)
            {
                return null;
            }
            var w = body[4] | (body[5] << 8) | (body[6] << 16);
            var h = body[7] | (body[8] << 8) | (body[9] << 16);
            return new CheckedImage("image/webp", "webp", w + 1, h + 1);
        }
        return null;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
