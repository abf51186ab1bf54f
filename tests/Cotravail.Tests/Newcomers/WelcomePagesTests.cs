using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Newcomers;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Newcomers;

public sealed class WelcomePagesTests
{
    [Fact]
    public async Task The_public_page_shows_the_territory_the_spaces_with_prices_the_directory_link_and_published_testimonies()
    {
        await using var app = await TestApp.StartAsync();
        var page = await app.CreateClient().GetDocumentAsync("/venir");
        var text = page.Body.Text();
        Assert.Contains("Le très haut débit, commune par commune", text, StringComparison.Ordinal);
        Assert.Contains("Luzech", page.QuerySelector("#espaces")!.ParentElement.Text(), StringComparison.Ordinal);
        Assert.Contains("€", page.QuerySelector("#espaces")!.ParentElement.Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/annuaire']"));
        Assert.NotNull(page.QuerySelector("a[href='/venir/demande']"));
        Assert.Contains("Sophie M., Luzech", page.QuerySelector("#temoignages")!.ParentElement.Text(), StringComparison.Ordinal);
        Assert.NotNull((await app.CreateClient().GetDocumentAsync("/")).QuerySelector("main a[href='/venir']"));
    }

    [Fact]
    public async Task A_manager_edits_a_section_in_markdown_and_scripts_are_sanitised_away()
    {
        await using var app = await TestApp.StartAsync();
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var response = await manager.SubmitFormAsync("/gestion/nouveaux-arrivants/contenu", new Dictionary<string, string>
        {
            ["Input.Title"] = "Vie associative", ["Input.Body"] = "Des **clubs** partout.\n\n<script>alert('x')</script><a href=\"javascript:alert(1)\">piège</a>",
            ["Input.SortOrder"] = "5",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await (await app.CreateClient().GetAsync(new Uri("/venir", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("<strong>clubs</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("alert('x')", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);

        var tooLong = await manager.SubmitFormAsync("/gestion/nouveaux-arrivants/contenu", new Dictionary<string, string>
        {
            ["Input.Title"] = "Trop long", ["Input.Body"] = new string('a', 9000), ["Input.SortOrder"] = "5",
        });
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("Le texte fait au plus 8000 caractères.", (await tooLong.ParseAsync()).Body.Text(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Set<TerritorySection>().AnyAsync(s => s.Title == "Trop long")));

        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);
        Assert.NotEqual(HttpStatusCode.OK, (await member.GetAsync(new Uri("/gestion/nouveaux-arrivants/contenu", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_testimony_needs_consent_is_published_by_a_manager_and_disappears_when_consent_is_withdrawn()
    {
        await using var app = await TestApp.StartAsync();
        var user = await app.CreateUserAsync("temoin@exemple.fr");
        var member = app.Browser();
        await member.SignInAsync(user.Email!);
        const string text = "Venue de Nantes, j'ai trouvé ici un rythme et des voisins formidables.";

        var refused = await member.SubmitFormAsync("/venir/temoigner", new Dictionary<string, string> { ["Input.Text"] = text, ["Input.Consent"] = "false" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Sans votre accord explicite", (await refused.ParseAsync()).QuerySelector("#Input_Consent-error").Text(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Set<Testimony>().AnyAsync(t => t.UserId == user.Id)));

        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitFormAsync("/venir/temoigner",
            new Dictionary<string, string> { ["Input.Text"] = text, ["Input.Commune"] = "Prayssac", ["Input.Consent"] = "true" })).StatusCode);
        Assert.DoesNotContain(text, (await app.CreateClient().GetDocumentAsync("/venir")).Body.Text(), StringComparison.Ordinal); // not before a manager publishes

        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var id = await app.WithDbAsync(db => db.Set<Testimony>().Where(t => t.UserId == user.Id).Select(t => t.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitFormAsync("/gestion/nouveaux-arrivants/temoignages",
            new Dictionary<string, string> { ["id"] = $"{id}" }, formSelector: $"form:has(input[value='{id}'])")).StatusCode);
        Assert.Contains(text, (await app.CreateClient().GetDocumentAsync("/venir")).Body.Text(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitFormAsync("/venir/temoigner",
            new Dictionary<string, string> { ["id"] = $"{id}" }, formSelector: "form[action*=Withdraw]")).StatusCode);
        Assert.DoesNotContain(text, (await app.CreateClient().GetDocumentAsync("/venir")).Body.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain(text, (await manager.GetDocumentAsync("/gestion/nouveaux-arrivants/temoignages")).Body.Text(), StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.Set<Testimony>().SingleAsync(t => t.Id == id));
        Assert.Equal((TestimonyStatus.Withdrawn, ""), (stored.Status, stored.Text));
        Assert.NotNull(stored.WithdrawnAtUtc);
    }
}
