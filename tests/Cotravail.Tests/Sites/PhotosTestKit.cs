using System.Net;
using AngleSharp.Dom;
using Cotravail.Tests.Infrastructure;
using SkiaSharp;

namespace Cotravail.Tests.Sites;

/// <summary>Pictures made for the photo tests, and the upload as a browser sends it (multipart, with the antiforgery token).</summary>
internal static class PhotosTestKit
{
    /// <summary>A picture with a gradient (so that it is not all one colour), encoded as asked.</summary>
    public static byte[] Picture(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        using var paint = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.SteelBlue, SKColors.Orange], SKShaderTileMode.Clamp),
        };
        surface.Canvas.DrawRect(0, 0, width, height, paint);
        using var data = surface.Snapshot().Encode(format, 90);
        return data.ToArray();
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int siteId, byte[] bytes, string? description, string fileName = "photo.jpg")
    {
        var page = await client.GetDocumentAsync($"/gestion/espaces/{siteId}/photos");
        var form = page.QuerySelector("form[enctype='multipart/form-data']") ?? throw new InvalidOperationException("No upload form");
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(Token(form)), "__RequestVerificationToken");
        if (description is not null)
        {
            content.Add(new StringContent(description), "Description");
        }
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new("image/jpeg");
        content.Add(file, "Upload", fileName);
        return await client.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), content);
    }

    /// <summary>Posts one of the buttons of the photo with <paramref name="photoId"/> (Move, Delete) as its form does.</summary>
    public static async Task<HttpResponseMessage> PhotoActionAsync(HttpClient client, string pageUrl, string handler, int photoId, params (string, string)[] extra)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var token = Token(page.QuerySelector("main form")!);
        var values = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token), new("photoId", photoId.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        values.AddRange(extra.Select(e => new KeyValuePair<string, string>(e.Item1, e.Item2)));
        return await client.PostAsync(new Uri($"{pageUrl}?handler={handler}", UriKind.Relative), new FormUrlEncodedContent(values));
    }

    private static string Token(IElement form) =>
        form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? throw new InvalidOperationException("No antiforgery token");

    public static void AssertRedirect(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}");
}
