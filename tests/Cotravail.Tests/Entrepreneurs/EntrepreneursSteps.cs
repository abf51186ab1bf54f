using System.Buffers.Binary;
using System.IO.Compression;
using System.Net.Http.Headers;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Entrepreneurs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Entrepreneurs;

/// <summary>Arranging profiles and listings straight in the database, uploads, and small valid images.</summary>
public static class EntrepreneursSteps
{
    public static readonly Dictionary<string, string?> NoDigestWorker = new() { ["Network:Digest"] = "false" };

    /// <summary>A new member with a profile of the given visibility.</summary>
    public static async Task<(AppUser User, Profile Profile)> MemberWithProfileAsync(
        this TestApp app, string email, string name, Visibility visibility, string skills = "conseil", string? sector = "M",
        string postcode = "46140", string commune = "Luzech", bool digest = false)
    {
        var user = await app.CreateUserAsync(email);
        var profile = await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var p = new Profile
            {
                OwnerUserId = user.Id, Kind = ProfileKind.Person, Name = name, Sector = sector, Skills = skills, Postcode = postcode,
                Commune = commune, Presentation = "Présentation.", Offers = "", Seeks = "", CreatedAtUtc = now, UpdatedAtUtc = now,
            };
            ProfileEditor.SetVisibility(p, visibility, now);
            p.Index();
            db.Profiles().Add(p);
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.WantsDigest, digest));
            await db.SaveChangesAsync();
            return p;
        });
        return (user, profile);
    }

    public static Task<int> ListingAsync(
        this TestApp app, int profileId, string title, ListingKind kind = ListingKind.Offer, int days = 30, string skills = "", string body = "Détails.")
        => app.WithDbAsync(async db =>
        {
            var l = new Listing
            {
                ProfileId = profileId, Kind = kind, Category = ListingCategory.Service, Title = title, Body = body, Skills = skills,
                ExpiresOn = DirectoryClock.Today(app.Clock).AddDays(days), CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
            };
            l.Index();
            db.Listings().Add(l);
            await db.SaveChangesAsync();
            return l.Id;
        });

    public static async Task<T> WithServiceAsync<T, TService>(this TestApp app, Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Posts « Ma fiche » as a browser does (multipart, with the antiforgery token of the page).</summary>
    public static async Task<HttpResponseMessage> PostProfileAsync(this HttpClient client, IDictionary<string, string> fields, byte[]? photo = null, string photoName = "photo.png", string photoType = "image/png")
    {
        var page = await client.GetDocumentAsync("/annuaire/ma-fiche");
        var form = page.QuerySelector("form[enctype='multipart/form-data']")!;
        var content = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]"))
        {
            if (hidden.GetAttribute("name") is { } name && !fields.ContainsKey(name))
            {
                content.Add(new StringContent(hidden.GetAttribute("value") ?? ""), name);
            }
        }
        foreach (var (k, v) in fields)
        {
            content.Add(new StringContent(v), k);
        }
        if (photo is not null)
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue(photoType);
            content.Add(file, "Photo", photoName);
        }
        return await client.PostAsync(new Uri("/annuaire/ma-fiche", UriKind.Relative), content);
    }

    public static Dictionary<string, string> ProfileFields(string name = "Atelier Bois Vivant", string visibility = "Public") => new()
    {
        ["Input.Kind"] = "Company", ["Input.Name"] = name, ["Input.Sector"] = "F", ["Input.Skills"] = "Écoconstruction, charpente",
        ["Input.Postcode"] = "46220", ["Input.Commune"] = "prayssac", ["Input.Website"] = "https://bois-vivant.example",
        ["Input.Presentation"] = "Charpente **traditionnelle**.", ["Input.Offers"] = "Charpentes", ["Input.Seeks"] = "Un couvreur",
        ["Input.Visibility"] = visibility, ["Input.WantsDigest"] = "false",
    };

    // ---- small valid images, built byte by byte ----

    public static byte[] Png(int width = 2, int height = 1)
    {
        using var ms = new MemoryStream();
        ms.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // depth
        ihdr[9] = 2; // truecolour
        Chunk(ms, "IHDR", ihdr);
        var raw = new byte[height * (1 + (3 * width))];
        using var z = new MemoryStream();
        using (var zs = new ZLibStream(z, CompressionLevel.Optimal, leaveOpen: true))
        {
            zs.Write(raw);
        }
        Chunk(ms, "IDAT", z.ToArray());
        Chunk(ms, "IEND", []);
        return ms.ToArray();
    }

    public static byte[] Jpeg(int width = 3, int height = 2)
    {
        var sof = new byte[] { 0xFF, 0xC0, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1 };
        var app0 = new byte[] { 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0 };
        var sos = new byte[] { 0xFF, 0xDA, 0x00, 0x0C, 0x03, 1, 0, 2, 0x11, 3, 0x11, 0x00, 0x3F, 0x00 };
        return [0xFF, 0xD8, .. app0, .. sof, .. sos, 0x12, 0x34, 0x56, 0xFF, 0xD9];
    }

    public static byte[] WebP(int width = 4, int height = 3)
    {
        var bits = (uint)(width - 1) | ((uint)(height - 1) << 14);
        var payload = new byte[] { 0x2F, (byte)bits, (byte)(bits >> 8), (byte)(bits >> 16), (byte)(bits >> 24), 0, 0, 0 };
        var riffSize = 4 + 8 + payload.Length;
        var data = new byte[8 + riffSize];
        "RIFF"u8.CopyTo(data);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(4), riffSize);
        "WEBPVP8L"u8.CopyTo(data.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(16), payload.Length);
        payload.CopyTo(data.AsSpan(20));
        return data;
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var head = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(head, data.Length);
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(head, 4);
        s.Write(head);
        s.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc([.. head[4..], .. data]));
        s.Write(crc);
    }

    private static uint Crc(byte[] bytes)
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
