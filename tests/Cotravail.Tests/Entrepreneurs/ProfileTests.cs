using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Entrepreneurs;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Entrepreneurs;

public sealed class ProfileTests
{
    private static async Task<(TestApp App, HttpClient Member, string UserId)> StartAsync()
    {
        var app = await TestApp.StartAsync(settings: EntrepreneursSteps.NoDigestWorker);
        var user = await app.CreateUserAsync("charpentier@exemple.fr");
        var member = app.Browser();
        await member.SignInAsync(user.Email!);
        return (app, member, user.Id);
    }

    private static Task<Profile?> ProfileOfAsync(TestApp app, string userId) =>
        app.WithDbAsync(db => db.Profiles().AsNoTracking().FirstOrDefaultAsync(p => p.OwnerUserId == userId));

    [Fact]
    public async Task A_member_creates_a_public_profile_with_a_photo_served_safely_and_a_sanitised_presentation()
    {
        var (app, member, userId) = await StartAsync();
        await using var _ = app;
        var fields = EntrepreneursSteps.ProfileFields();
        fields["Input.Presentation"] = "Charpente **traditionnelle**.\n\n<script>alert('x')</script><a href=\"javascript:alert(1)\">lien</a><img src=x onerror=alert(1)>";
        var response = await member.PostProfileAsync(fields, EntrepreneursSteps.Png(), "logo.png.html", "text/html");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var profile = (await ProfileOfAsync(app, userId))!;
        Assert.Equal("Prayssac", profile.Commune); // the official name of the commune
        Assert.Equal(Visibility.Public, profile.Visibility);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, profile.ConsentAtUtc);
        Assert.True(profile.HasPhoto);

        var anonymous = app.Browser();
        var page = await anonymous.GetDocumentAsync($"/annuaire/{profile.Id}");
        var presentation = page.QuerySelector(".description")!;
        Assert.NotNull(presentation.QuerySelector("strong"));
        Assert.Empty(page.QuerySelectorAll(".description script, .description img, .description [onerror]"));
        Assert.DoesNotContain("javascript:", presentation.InnerHtml, StringComparison.OrdinalIgnoreCase);

        var photo = await anonymous.GetAsync(new Uri(page.QuerySelector("main img")!.GetAttribute("src")!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/png", photo.Content.Headers.ContentType!.MediaType); // the type found, not the one declared
        Assert.Equal("nosniff", photo.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal($"inline; filename=\"photo-{profile.Id}.png\"", photo.Content.Headers.ContentDisposition!.ToString());
        Assert.StartsWith("default-src 'none'", photo.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(EntrepreneursSteps.Png(), await photo.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("oversized")]
    [InlineData("text")]
    [InlineData("polyglot")]
    [InlineData("jpeg-named-png")]
    public async Task A_bad_upload_gets_a_message_next_to_the_field_and_nothing_is_stored(string kind)
    {
        var (app, member, userId) = await StartAsync();
        await using var _ = app;
        byte[] bytes = kind switch
        {
            "oversized" => [.. EntrepreneursSteps.Png(), .. new byte[2 * 1024 * 1024]],
            "text" => "<svg onload=alert(1)></svg>"u8.ToArray(),
            "polyglot" => [.. EntrepreneursSteps.Jpeg(), .. "<?php system($_GET['c']); ?>"u8.ToArray()],
            _ => [0x89, 0x50, 0x4E, 0x47, .. EntrepreneursSteps.Jpeg()],
        };
        var page = await (await member.PostProfileAsync(EntrepreneursSteps.ProfileFields(), bytes, "photo.png", "image/png")).ParseAsync();

        var expected = kind == "oversized" ? "L'image dépasse 2 Mo." : "Ce fichier n'est pas une image JPEG, PNG ou WebP valide.";
        Assert.Equal(expected, page.QuerySelector("#Photo-error").Text());
        Assert.Contains(expected, page.QuerySelector(".error-summary").Text(), StringComparison.Ordinal);
        Assert.Null(await ProfileOfAsync(app, userId));
        Assert.Equal(0, await app.WithDbAsync(db => db.ProfilePhotos().CountAsync()));
    }

    [Fact]
    public async Task Bad_fields_get_french_messages_and_nothing_is_stored()
    {
        var (app, member, userId) = await StartAsync();
        await using var _ = app;
        var fields = EntrepreneursSteps.ProfileFields();
        fields["Input.Name"] = "";
        fields["Input.Commune"] = "Cahors"; // not at 46220
        fields["Input.Website"] = "javascript:alert(1)";
        fields["Input.Sector"] = "Z";
        fields.Remove("Input.Visibility");
        var page = await (await member.PostProfileAsync(fields)).ParseAsync();

        Assert.Equal("Le nom est obligatoire.", page.QuerySelector("#Input_Name-error").Text());
        Assert.Equal("Cette commune ne correspond pas à ce code postal.", page.QuerySelector("#Input_Commune-error").Text());
        Assert.Equal("L'adresse du site doit commencer par https:// ou http://.", page.QuerySelector("#Input_Website-error").Text());
        Assert.Equal("Choisissez qui peut voir votre fiche.", page.QuerySelector("#Input_Visibility-error").Text());
        Assert.Null(await ProfileOfAsync(app, userId));
    }

    [Fact]
    public async Task Visibility_is_hidden_by_default_and_withdrawn_in_one_click_with_its_dates()
    {
        var (app, member, userId) = await StartAsync();
        await using var _ = app;
        var form = await member.GetDocumentAsync("/annuaire/ma-fiche");
        Assert.NotNull(form.QuerySelector("#Input_Visibility_hidden[checked]"));

        await member.PostProfileAsync(EntrepreneursSteps.ProfileFields(visibility: "Hidden"));
        var hidden = (await ProfileOfAsync(app, userId))!;
        Assert.Null(hidden.ConsentAtUtc);

        app.Clock.Advance(TimeSpan.FromDays(1));
        await member.PostProfileAsync(EntrepreneursSteps.ProfileFields(visibility: "Members"));
        var shown = (await ProfileOfAsync(app, userId))!;
        Assert.Equal(Visibility.Members, shown.Visibility);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, shown.ConsentAtUtc);
        Assert.Contains("Accord donné le mercredi 2 décembre 2026.", (await member.GetDocumentAsync("/annuaire/ma-fiche")).Body.Text(), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromDays(1));
        var hide = await member.SubmitFormAsync("/annuaire/ma-fiche", new Dictionary<string, string>(), "form[action*='handler=Hide']");
        Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);
        var withdrawn = (await ProfileOfAsync(app, userId))!;
        Assert.Equal(Visibility.Hidden, withdrawn.Visibility);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, withdrawn.WithdrawnAtUtc);
        var after = (await member.GetDocumentAsync("/annuaire/ma-fiche")).Body.Text();
        Assert.Contains("Votre fiche est masquée : plus personne ne la voit.", after, StringComparison.Ordinal);
        Assert.Contains("Accord retiré le jeudi 3 décembre 2026.", after, StringComparison.Ordinal);
    }
}
