using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Entrepreneurs;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Entrepreneurs;

public sealed class BoardTests
{
    [Fact]
    public async Task A_member_posts_a_need_and_sees_the_members_who_match_best()
    {
        await using var app = await TestApp.StartAsync(settings: EntrepreneursSteps.NoDigestWorker);
        var (user, _) = await app.MemberWithProfileAsync("gite@exemple.fr", "Gîte des Vignes", Visibility.Public, "hébergement", "I", "46700", "Touzac");
        var member = app.Browser();
        await member.SignInAsync(user.Email!);

        var response = await member.SubmitFormAsync("/annonces/nouvelle", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Need", ["Input.Category"] = "Service", ["Input.Title"] = "Traduction de notre site en anglais",
            ["Input.Body"] = "Dix pages avant la saison.", ["Input.Skills"] = "traduction, anglais", ["Input.Sector"] = "M", ["Input.ExpiresOn"] = "2027-01-15",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await member.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Votre annonce est publiée.", page.QuerySelector(".notice").Text());
        var suggested = page.QuerySelectorAll(".cards h2").Select(h => h.Text()).ToList();
        Assert.Equal("Anne Lacombe, traductrice", suggested[0]); // the demo's translator in Puy-l'Évêque: skills and sector

        var api = await (await app.CreateClient().GetAsync(new Uri("/api/v1/listings?kind=need&q=TRADUCTION", UriKind.Relative))).JsonAsync();
        Assert.Contains("Traduction de notre site en anglais", api.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        Assert.All(api.GetProperty("items").EnumerateArray(), i => Assert.Equal("need", i.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task An_expiry_date_is_required_in_the_future_and_within_six_months()
    {
        await using var app = await TestApp.StartAsync(settings: EntrepreneursSteps.NoDigestWorker);
        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail); // Sophie has a demo profile
        var before = await app.WithDbAsync(db => db.Listings().CountAsync());
        foreach (var (date, message) in new[] { ("2026-12-01", "La date de fin doit être dans le futur."), ("2027-07-01", "Une annonce reste visible six mois au plus."), ("", "Indiquez jusqu'à quand l'annonce est valable.") })
        {
            var page = await (await member.SubmitFormAsync("/annonces/nouvelle", new Dictionary<string, string>
            {
                ["Input.Kind"] = "Offer", ["Input.Category"] = "Equipment", ["Input.Title"] = "Prêt d'une imprimante", ["Input.Body"] = "Laser.", ["Input.ExpiresOn"] = date,
            })).ParseAsync();
            Assert.Equal(message, page.QuerySelector("#Input_ExpiresOn-error").Text());
        }
        Assert.Equal(before, await app.WithDbAsync(db => db.Listings().CountAsync()));
    }

    [Fact]
    public async Task An_expired_listing_leaves_the_board_and_cannot_be_answered()
    {
        await using var app = await TestApp.StartAsync(settings: EntrepreneursSteps.NoDigestWorker);
        var (_, owner) = await app.MemberWithProfileAsync("prete@exemple.fr", "Prêteur de remorque", Visibility.Public);
        var id = await app.ListingAsync(owner.Id, "Remorque à prêter", days: 2);
        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);
        var form = await member.GetDocumentAsync($"/messages/nouveau?annonce={id}");
        Assert.NotNull(form.QuerySelector("textarea"));

        app.Clock.Advance(TimeSpan.FromDays(3));
        Assert.DoesNotContain("Remorque à prêter", (await member.GetDocumentAsync("/annonces?q=remorque")).Body.Text(), StringComparison.Ordinal);
        var api = await (await app.CreateClient().GetAsync(new Uri("/api/v1/listings?q=remorque", UriKind.Relative))).JsonAsync();
        Assert.Equal(0, api.GetProperty("total").GetInt32());
        var gone = await member.GetDocumentAsync($"/annonces/{id}", HttpStatusCode.Gone);
        Assert.Equal("Cette annonce a expiré le jeudi 3 décembre 2026 : on ne peut plus y répondre.", gone.QuerySelector("[role=alert]").Text());
        Assert.Null(gone.QuerySelector("a[href^='/messages/nouveau']"));

        // The form opened before expiry is sent after it: refused, nothing stored, nobody mailed.
        var values = form.QuerySelectorAll("main form input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        values["Input.Subject"] = "Remorque";
        values["Input.Body"] = "Est-elle encore libre ?";
        var refused = await (await member.PostAsync(new Uri("/messages/nouveau", UriKind.Relative), new FormUrlEncodedContent(values))).ParseAsync();
        Assert.Equal("Cette annonce a expiré : on ne peut plus y répondre.", refused.QuerySelector("[role=alert]").Text());
        Assert.Equal(0, await app.WithDbAsync(db => db.Conversations().CountAsync()));
        Assert.Empty(app.Mails());
    }
}

public sealed class BoardModerationTests
{
    [Fact]
    public async Task A_reported_listing_hidden_by_a_manager_and_a_listing_closed_by_its_author_leave_the_board()
    {
        await using var app = await TestApp.StartAsync(settings: EntrepreneursSteps.NoDigestWorker);
        var (author, profile) = await app.MemberWithProfileAsync("vendeur@exemple.fr", "Vendeur Pressant", Visibility.Public);
        var spam = await app.ListingAsync(profile.Id, "Offre exceptionnelle de zinc");
        var closed = await app.ListingAsync(profile.Id, "Zinc de récupération");
        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);
        var report = await member.SubmitFormAsync($"/annonces/{spam}", new Dictionary<string, string> { ["Reason"] = "Arnaque" }, "form[action*='handler=Report']");
        Assert.Equal(HttpStatusCode.Redirect, report.StatusCode);

        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var reportId = await app.WithDbAsync(db => db.Reports().Select(r => r.Id).SingleAsync());
        Assert.Contains("Offre exceptionnelle de zinc", (await manager.GetDocumentAsync("/gestion/signalements")).QuerySelector("main ul")!.Text(), StringComparison.Ordinal);
        await manager.SubmitFormAsync("/gestion/signalements", new Dictionary<string, string> { ["reportId"] = $"{reportId}" }, "form[action*='handler=Hide']");

        var owner = app.Browser();
        await owner.SignInAsync(author.Email!);
        var close = await owner.SubmitFormAsync($"/annonces/{closed}", new Dictionary<string, string>(), "form[action*='handler=Close']");
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);

        Assert.DoesNotContain("zinc", (await member.GetDocumentAsync("/annonces?q=zinc")).QuerySelector("main")!.Text(), StringComparison.OrdinalIgnoreCase);
        var api = await (await app.CreateClient().GetAsync(new Uri("/api/v1/listings?q=zinc", UriKind.Relative))).JsonAsync();
        Assert.Equal(0, api.GetProperty("total").GetInt32());
        await member.GetDocumentAsync($"/annonces/{spam}", HttpStatusCode.NotFound);
        Assert.Contains("Cette annonce est close : on ne peut plus y répondre.", (await member.GetDocumentAsync($"/annonces/{closed}", HttpStatusCode.Gone)).Body!.Text(), StringComparison.Ordinal);
    }
}
