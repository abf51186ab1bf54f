using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Cotravail.Tests.Entrepreneurs;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Newcomers;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Newcomers;

/// <summary>Managers illustrate a section of « Venir travailler dans la vallée » with a checked picture.</summary>
public sealed class SectionImageTests
{
    [Fact]
    public async Task A_checked_picture_with_its_description_is_shown_and_served_safely()
    {
        await using var app = await TestApp.StartAsync();
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var png = EntrepreneursSteps.Png(4, 3);

        var saved = await PostSectionAsync(manager, "Le Lot à vélo", png, "image.html", "text/html", alt: "La voie verte au bord du Lot");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var section = await app.WithDbAsync(db => db.Set<TerritorySection>().SingleAsync(s => s.Title == "Le Lot à vélo"));
        var page = await app.CreateClient().GetDocumentAsync("/venir");
        var img = page.QuerySelector($"#rubrique-{section.Id}")!.ParentElement!.QuerySelector("img")!;
        Assert.Equal("La voie verte au bord du Lot", img.GetAttribute("alt"));

        var served = await app.CreateClient().GetAsync(new Uri(img.GetAttribute("src")!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType); // the type found, not the one declared
        Assert.Equal("nosniff", string.Join("", served.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("default-src 'none'", string.Join("", served.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal(png, await served.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_or_a_picture_without_description_is_refused_and_nothing_is_stored()
    {
        await using var app = await TestApp.StartAsync();
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var fake = Encoding.UTF8.GetBytes("\u0089PNG<script>alert(1)</script>");

        var notImage = await PostSectionAsync(manager, "Faux", fake, "x.png", "image/png", alt: "Une image");
        Assert.Equal(HttpStatusCode.OK, notImage.StatusCode);
        Assert.Equal("true", (await notImage.ParseAsync()).QuerySelector("#Image")!.GetAttribute("aria-invalid"));

        var noAlt = await PostSectionAsync(manager, "Sans description", EntrepreneursSteps.Png(), "x.png", "image/png", alt: "");
        Assert.Equal(HttpStatusCode.OK, noAlt.StatusCode);
        Assert.Contains("Décrivez l'image", (await noAlt.ParseAsync()).Body.Text(), StringComparison.Ordinal);

        Assert.False(await app.WithDbAsync(db => db.Set<TerritorySection>().AnyAsync(s => s.Title == "Faux" || s.Title == "Sans description")));
        Assert.False(await app.WithDbAsync(db => db.Set<TerritorySectionImage>().AnyAsync()));
    }

    [Fact]
    public async Task Removing_the_picture_takes_it_off_the_page_and_its_address()
    {
        await using var app = await TestApp.StartAsync();
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        await PostSectionAsync(manager, "Marchés", EntrepreneursSteps.Png(), "m.png", "image/png", alt: "Le marché de Prayssac");
        var id = await app.WithDbAsync(db => db.Set<TerritorySection>().Where(s => s.Title == "Marchés").Select(s => s.Id).SingleAsync());

        var removed = await PostSectionAsync(manager, "Marchés", null, "", "", alt: "", sectionId: id, removeImage: true);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync(new Uri($"/venir/rubriques/{id}/image", UriKind.Relative))).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<TerritorySectionImage>().AnyAsync(i => i.SectionId == id)));
    }

    /// <summary>Posts the section form as a browser does: multipart, with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostSectionAsync(HttpClient client, string title, byte[]? image, string fileName, string fileType,
        string alt, int? sectionId = null, bool removeImage = false)
    {
        var url = sectionId is { } id ? $"/gestion/nouveaux-arrivants/contenu/{id}" : "/gestion/nouveaux-arrivants/contenu";
        var page = await client.GetDocumentAsync(url);
        var form = page.QuerySelector("form[enctype='multipart/form-data']")!;
        var content = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]"))
        {
            content.Add(new StringContent(hidden.GetAttribute("value") ?? ""), hidden.GetAttribute("name")!);
        }
        content.Add(new StringContent(title), "Input.Title");
        content.Add(new StringContent("Des chemins partout."), "Input.Body");
        content.Add(new StringContent("50"), "Input.SortOrder");
        content.Add(new StringContent(alt), "Input.ImageAlt");
        if (removeImage)
        {
            content.Add(new StringContent("true"), "Input.RemoveImage");
        }
        if (image is not null)
        {
            var file = new ByteArrayContent(image);
            file.Headers.ContentType = new MediaTypeHeaderValue(fileType);
            content.Add(file, "Image", fileName);
        }
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }
}
