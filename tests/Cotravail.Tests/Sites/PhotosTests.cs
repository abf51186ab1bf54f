using System.Net.Http.Json;
using System.Text.Json;
using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Sites.Photos;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using static Cotravail.Tests.Sites.PhotosTestKit;

namespace Cotravail.Tests.Sites;

/// <summary>Photos of a space: uploaded by its network's managers, resized, served cached; bad uploads change nothing.</summary>
public sealed class PhotosTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_upload_is_served_in_three_widths_as_WebP_and_JPEG_and_becomes_the_main_photo_when_moved_first(string provider)
    {
        var app = await apps.GetAsync(provider);
        var site = await app.SiteAsync("puy-l-eveque");
        var client = app.Browser();
        await client.SignInAsync(TestApp.ManagerEmail);

        AssertRedirect(await UploadAsync(client, site.Id, Picture(1600, 1000), "  La grande table du premier étage, vue depuis la fenêtre.  "));

        var photo = await app.WithDbAsync(db => db.SitePhotos().Where(p => p.SiteId == site.Id).OrderByDescending(p => p.Id).FirstAsync());
        Assert.Equal("La grande table du premier étage, vue depuis la fenêtre.", photo.Description);
        var page = await app.Browser().GetDocumentAsync("/espaces/puy-l-eveque");
        var img = page.QuerySelector($"main img[alt='{photo.Description}']");
        Assert.NotNull(img);
        Assert.Equal("lazy", img.GetAttribute("loading"));
        Assert.Equal("320", img.GetAttribute("width"));
        Assert.Equal("200", img.GetAttribute("height"));
        var webp = img.ParentElement!.QuerySelector("source[type='image/webp']")!.GetAttribute("srcset")!;
        Assert.Equal(3, webp.Split(", ").Length);

        foreach (var (width, height) in new[] { (320, 200), (640, 400), (1280, 800) })
        {
            foreach (var (format, type) in new[] { ("webp", "image/webp"), ("jpg", "image/jpeg") })
            {
                var url = SitePhotoUrls.Of(photo.Id, photo.Version, width, format);
                Assert.Contains(url, format == "webp" ? webp : img.GetAttribute("srcset"), StringComparison.Ordinal);
                var response = await app.Browser().GetAsync(new Uri(url, UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
                Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
                using var decoded = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
                Assert.Equal((width, height), (decoded.Width, decoded.Height));
            }
        }
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync(new Uri(SitePhotoUrls.Of(photo.Id, "000000000000", 320, "jpg"), UriKind.Relative))).StatusCode);

        // Moved to the top, it is the photo of the home page card.
        var manage = $"/gestion/espaces/{site.Id}/photos";
        while ((await app.WithDbAsync(db => db.SitePhotos().Where(p => p.SiteId == site.Id).OrderBy(p => p.SortOrder).FirstAsync())).Id != photo.Id)
        {
            AssertRedirect(await PhotoActionAsync(client, manage, "Move", photo.Id, ("direction", "up")));
        }
        var home = await app.Browser().GetDocumentAsync("/");
        var card = home.QuerySelector("main a[href='/espaces/puy-l-eveque']")!.Closest("li.card")!;
        Assert.Equal(photo.Description, card.QuerySelector("img")!.GetAttribute("alt"));

        // Programs get the same photos: the main one on the list, all of them with every width on the site.
        var list = await app.Browser().GetFromJsonAsync<JsonElement>("/api/v1/sites");
        var listed = list.EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == site.Id);
        Assert.Equal(SitePhotoUrls.Of(photo.Id, photo.Version, 640, "jpg"), listed.GetProperty("photoUrl").GetString());
        var detail = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/v1/sites/{site.Id}");
        var first = detail.GetProperty("photos")[0];
        Assert.Equal(photo.Description, first.GetProperty("description").GetString());
        Assert.Equal(SitePhotoUrls.Of(photo.Id, photo.Version, 1280, "webp"), first.GetProperty("webp").GetProperty("1280").GetString());
        // The upload changed the site's public description: its date_maj in the open data follows.
        Assert.NotNull((await app.WithDbAsync(db => db.Sites.SingleAsync(s => s.Id == site.Id))).UpdatedAtUtc);

        AssertRedirect(await PhotoActionAsync(client, manage, "Delete", photo.Id));
        Assert.False(await app.WithDbAsync(db => db.SitePhotoVariants().AnyAsync(v => v.PhotoId == photo.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync(new Uri(SitePhotoUrls.Of(photo.Id, photo.Version, 320, "jpg"), UriKind.Relative))).StatusCode);
    }

    public static TheoryData<string, string> BadUploads() => new()
    {
        { "text", "Ce fichier n'est pas une image JPEG, PNG ou WebP valide." },
        { "large", "L'image dépasse 2 Mo." },
        { "pixels", "L'image dépasse 24 millions de pixels" },
        { "description", "Décrivez la photo pour les personnes qui ne la voient pas." },
        { "none", "Choisissez une photo à envoyer." },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task A_bad_upload_gets_a_French_message_next_to_its_field_and_changes_nothing(string kind, string message)
    {
        var app = await apps.GetAsync();
        var site = await app.SiteAsync("luzech");
        var client = app.Browser();
        await client.SignInAsync(TestApp.ManagerEmail);
        var before = await app.WithDbAsync(db => db.SitePhotoVariants().CountAsync());

        var bytes = kind switch
        {
            "text" => "<?php echo 'bonjour'; ?>"u8.ToArray(),
            "large" => [.. Picture(200, 200), .. new byte[2 * 1024 * 1024]],
            "pixels" => Picture(6000, 4100, SKEncodedImageFormat.Png),
            "none" => [],
            _ => Picture(800, 600),
        };
        var response = await UploadAsync(client, site.Id, bytes, kind == "description" ? " " : "Une photo", kind == "text" ? "photo.jpg" : "photo.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        var field = kind == "description" ? "Description" : "Upload";
        Assert.Contains(message, page.QuerySelector($"#{field}-error").Text(), StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector($"#{field}")!.GetAttribute("aria-invalid"));
        Assert.Equal(before, await app.WithDbAsync(db => db.SitePhotoVariants().CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_networks_manager_cannot_see_add_move_or_delete_the_photos(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, other, otherManager) = await app.CreateOtherNetworkAsync();
        var luzech = await app.SiteAsync("luzech");
        var photo = await app.WithDbAsync(db => db.SitePhotos().FirstAsync(p => p.SiteId == luzech.Id));
        var before = await app.WithDbAsync(db => db.SitePhotos().OrderBy(p => p.Id).Select(p => new { p.Id, p.SortOrder, p.Description }).ToListAsync());

        var outsider = app.Browser();
        await outsider.SignInAsync(otherManager.Email!);
        AssertDenied(await outsider.GetAsync(new Uri($"/gestion/espaces/{luzech.Id}/photos", UriKind.Relative)));
        // Through their own site's page, naming a photo of Luzech: not found, nothing moves.
        var own = $"/gestion/espaces/{other.Id}/photos";
        Assert.Equal(HttpStatusCode.NotFound, (await PhotoActionAsync(outsider, own, "Delete", photo.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PhotoActionAsync(outsider, own, "Move", photo.Id, ("direction", "down"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PhotoActionAsync(outsider, own, "Describe", photo.Id, ("text", "Pris"))).StatusCode);
        // Straight to Luzech's handlers: forbidden.
        var token = (await outsider.GetDocumentAsync(own)).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var direct = await outsider.PostAsync(new Uri($"/gestion/espaces/{luzech.Id}/photos?handler=Delete", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("photoId", photo.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        AssertDenied(direct);
        AssertDenied(await UploadAsyncAs(outsider, luzech.Id, own));

        var after = await app.WithDbAsync(db => db.SitePhotos().OrderBy(p => p.Id).Select(p => new { p.Id, p.SortOrder, p.Description }).ToListAsync());
        Assert.Equal(before, after);
        // A visitor is sent to sign in.
        var visitor = await app.Browser().GetAsync(new Uri($"/gestion/espaces/{luzech.Id}/photos", UriKind.Relative));
        Assert.Contains("/compte/connexion", visitor.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static void AssertDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/compte/acces-refuse", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>An upload to another site's page, with the token of a page the person may open.</summary>
    private static async Task<HttpResponseMessage> UploadAsyncAs(HttpClient client, int siteId, string ownPage)
    {
        var token = (await client.GetDocumentAsync(ownPage)).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Intrus"), "Description" },
            { new ByteArrayContent(Picture(400, 300)), "Upload", "photo.jpg" },
        };
        return await client.PostAsync(new Uri($"/gestion/espaces/{siteId}/photos?handler=Add", UriKind.Relative), content);
    }
}
