using System.Net;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Entrepreneurs;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Entrepreneurs;

/// <summary>A hidden profile never appears: pages, API, search, export, board, suggestions, digest, photo, contact, sizes.</summary>
public sealed class VisibilityTests
{
    private static List<string> Names(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!)];

    [Fact]
    public async Task A_hidden_profile_appears_on_no_surface_and_a_members_one_only_for_members()
    {
        await using var app = await TestApp.StartAsync(settings: EntrepreneursSteps.NoDigestWorker);
        var (_, hidden) = await app.MemberWithProfileAsync("cache@exemple.fr", "Zébulon Caché", Visibility.Hidden, "écoconstruction, zinguerie", "F", "46220", "Prayssac", digest: true);
        var (_, members) = await app.MemberWithProfileAsync("discret@exemple.fr", "Zoé Discrète", Visibility.Members, "écoconstruction, zinguerie", "F", "46220", "Prayssac");
        var (_, open) = await app.MemberWithProfileAsync("public@exemple.fr", "Zacharie Public", Visibility.Public, "écoconstruction, zinguerie", "F", "46220", "Prayssac");
        await app.WithDbAsync(db => db.Profiles().Where(p => p.Id == hidden.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.HasPhoto, true)));
        await app.WithDbAsync(async db => { db.ProfilePhotos().Add(new ProfilePhoto { ProfileId = hidden.Id, ContentType = "image/png", Content = EntrepreneursSteps.Png() }); return await db.SaveChangesAsync(); });
        var hiddenListing = await app.ListingAsync(hidden.Id, "Zinguerie à prix doux");
        var membersListing = await app.ListingAsync(members.Id, "Zinguerie entre membres");
        var (asker, askerProfile) = await app.MemberWithProfileAsync("demandeur@exemple.fr", "Demandeur", Visibility.Public, "menuiserie", "F", "46220", "Prayssac", digest: true);
        var need = await app.ListingAsync(askerProfile.Id, "Zingueur pour une toiture", ListingKind.Need, skills: "zinguerie, écoconstruction");

        var anonymous = app.Browser();
        var member = app.Browser();
        await member.SignInAsync(asker.Email!);
        var bearer = await app.ApiClientAsync(asker.Email!);

        // Directory page and search
        var anonymousPage = (await anonymous.GetDocumentAsync("/annuaire?q=zinguerie")).Body.Text();
        Assert.Contains("Zacharie Public", anonymousPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Zoé Discrète", anonymousPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Zébulon", anonymousPage, StringComparison.Ordinal);
        var memberPage = (await member.GetDocumentAsync("/annuaire?q=zinguerie")).Body.Text();
        Assert.Contains("Zoé Discrète", memberPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Zébulon", memberPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Zébulon", (await member.GetDocumentAsync("/annuaire?q=zebulon")).Body.Text(), StringComparison.Ordinal);

        // Profile page and photo
        await anonymous.GetDocumentAsync($"/annuaire/{hidden.Id}", HttpStatusCode.NotFound);
        await member.GetDocumentAsync($"/annuaire/{hidden.Id}", HttpStatusCode.NotFound);
        await anonymous.GetDocumentAsync($"/annuaire/{members.Id}", HttpStatusCode.NotFound);
        await member.GetDocumentAsync($"/annuaire/{members.Id}");
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(new Uri($"/annuaire/{hidden.Id}/photo", UriKind.Relative))).StatusCode);

        // API: anonymous, bearer, cookie
        var api = await (await anonymous.GetAsync(new Uri("/api/v1/directory?q=zinguerie", UriKind.Relative))).JsonAsync();
        Assert.Equal(["Zacharie Public"], Names(api));
        Assert.Equal(["Zacharie Public", "Zoé Discrète"], Names(await (await bearer.GetAsync(new Uri("/api/v1/directory?q=zinguerie", UriKind.Relative))).JsonAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(["Zacharie Public", "Zoé Discrète"], Names(await (await member.GetAsync(new Uri("/api/v1/directory?q=zinguerie", UriKind.Relative))).JsonAsync()).Order(StringComparer.Ordinal));

        // Export
        var csv = await (await member.GetAsync(new Uri("/annuaire/export.csv", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("Zoé Discrète", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Zébulon", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Zoé Discrète", await (await anonymous.GetAsync(new Uri("/annuaire/export.csv", UriKind.Relative))).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Board, listings API, listing page
        var board = (await member.GetDocumentAsync("/annonces?q=zinguerie")).Body.Text();
        Assert.Contains("Zinguerie entre membres", board, StringComparison.Ordinal);
        Assert.DoesNotContain("Zinguerie à prix doux", board, StringComparison.Ordinal);
        Assert.DoesNotContain("Zinguerie entre membres", (await anonymous.GetDocumentAsync("/annonces?q=zinguerie")).Body.Text(), StringComparison.Ordinal);
        var listings = await (await bearer.GetAsync(new Uri("/api/v1/listings?kind=offer&q=zinguerie", UriKind.Relative))).JsonAsync();
        Assert.Equal(["Zinguerie entre membres"], listings.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        await member.GetDocumentAsync($"/annonces/{hiddenListing}", HttpStatusCode.NotFound);
        await anonymous.GetDocumentAsync($"/annonces/{membersListing}", HttpStatusCode.NotFound);

        // Contact form
        await member.GetDocumentAsync($"/messages/nouveau?fiche={hidden.Id}", HttpStatusCode.NotFound);
        await member.GetDocumentAsync($"/messages/nouveau?annonce={hiddenListing}", HttpStatusCode.NotFound);

        // Suggestions for the need: the two visible zinc workers, never the hidden one
        var suggestions = (await member.GetDocumentAsync($"/annonces/{need}")).QuerySelectorAll(".cards h2").Select(h => h.Text()).ToList();
        Assert.Contains("Zoé Discrète", suggestions);
        Assert.Contains("Zacharie Public", suggestions);
        Assert.DoesNotContain("Zébulon Caché", suggestions);

        // Weekly digest
        Assert.True(await app.WithServiceAsync<int, WeeklyDigest>(d => d.SendDueAsync(CancellationToken.None)) >= 1);
        var digest = app.Mails().Single(m => m.To.ToString().Contains(asker.Email!, StringComparison.Ordinal));
        Assert.Contains("Zoé Discrète", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Zinguerie entre membres", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Zébulon", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Zinguerie à prix doux", digest.TextBody, StringComparison.Ordinal);

        // Sizes for the observatory count no hidden profile and no listing of one
        var (profiles, openListings) = await app.WithServiceAsync<(int, int), DirectorySizes>(async s =>
            (await s.VisibleProfilesAsync(CancellationToken.None), await s.OpenListingsAsync(DirectoryClock.Today(app.Clock), CancellationToken.None)));
        var expected = await app.WithDbAsync(async db => (
            await db.Profiles().CountAsync(p => p.Visibility != Visibility.Hidden),
            await db.Listings().CountAsync(l => l.Profile!.Visibility != Visibility.Hidden)));
        Assert.Equal(expected, (profiles, openListings));

        // The owner still sees their hidden profile, marked as such
        var owner = app.Browser();
        await owner.SignInAsync("cache@exemple.fr");
        Assert.Contains("Votre fiche est masquée : vous seul·e la voyez.", (await owner.GetDocumentAsync($"/annuaire/{hidden.Id}")).Body.Text(), StringComparison.Ordinal);
    }
}
