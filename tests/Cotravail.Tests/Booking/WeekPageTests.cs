using System.Net;
using AngleSharp.Dom;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Booking;

public sealed class WeekPageTests
{
    /// <summary>The table cell of a resource (row) on a day (column, 0 = Monday).</summary>
    private static string Cell(IDocument page, string resource, int day)
    {
        var row = page.QuerySelectorAll(".week-table tbody tr").Single(r => r.QuerySelector("th").Text() == resource);
        return row.QuerySelectorAll("td")[day].Text();
    }

    [Fact]
    public async Task The_public_sees_counts_and_free_times_of_the_week_and_never_names()
    {
        await using var app = await TestApp.StartAsync();
        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);
        await app.BookDeskThroughPagesAsync(member, "2026-12-03", "matin");
        var room = await app.ResourceAsync("luzech", "Salle du Barrage");
        var confirmation = await member.VerifyAsync(room, new Dictionary<string, string> { ["Input.Date"] = "2026-12-03", ["Input.Start"] = "10:00", ["Input.End"] = "12:00" });
        Assert.Contains("20,00 €", confirmation.QuerySelector("dl.summary").Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostFormAsync(confirmation, "form[action*='handler=Confirm']")).StatusCode);

        var page = await app.Browser().GetDocumentAsync("/espaces/luzech/disponibilites?du=2026-12-03");
        var caption = page.QuerySelector(".week-table caption").Text();
        Assert.Equal("Disponibilités du lundi 30 novembre 2026 au dimanche 6 décembre 2026", caption);
        Assert.Equal(8, page.QuerySelectorAll(".week-table thead th[scope=col]").Length);
        Assert.All(page.QuerySelectorAll(".week-table tbody th"), th => Assert.Equal("row", th.GetAttribute("scope")));
        Assert.Equal("Matin : 11 places libres Après-midi : 12 places libres", Cell(page, "Espace partagé", 3));
        Assert.Equal("12 places libres", Cell(page, "Espace partagé", 4));
        Assert.Equal("Passé", Cell(page, "Espace partagé", 0));
        Assert.Equal("Libre : 8 h 00 – 10 h 00 12 h 00 – 22 h 00", Cell(page, "Salle du Barrage", 3));
        Assert.Equal("Libre", Cell(page, "Bureau du Pont", 3));

        var text = page.DocumentElement.TextContent;
        Assert.DoesNotContain("Sophie", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Martin", text, StringComparison.Ordinal);
        Assert.DoesNotContain("membre@", text, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main a[href^='/reserver']"));
        var login = page.QuerySelector("main a[href^='/compte/connexion']")!.GetAttribute("href");
        Assert.Equal("/compte/connexion?ReturnUrl=%2Fespaces%2Fluzech%2Fdisponibilites%3Fdu%3D2026-11-30", login);

        // On a phone the same week is a list by day; both are in the page and CSS shows one of them.
        var thursday = page.QuerySelector(".week-list #jour-2026-12-03")!.ParentElement.Text();
        Assert.Contains("Espace partagé Matin : 11 places libres ; Après-midi : 12 places libres", thursday, StringComparison.Ordinal);
        Assert.Contains("Salle du Barrage Libre : 8 h 00 – 10 h 00, 12 h 00 – 22 h 00", thursday, StringComparison.Ordinal);
        Assert.Equal("Passé", page.QuerySelector(".week-list #jour-2026-11-30")!.ParentElement!.QuerySelector("p").Text());
    }

    [Fact]
    public async Task A_signed_in_member_gets_a_link_to_book_each_free_cell_and_the_weeks_can_be_browsed()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.SignInAsync(TestApp.MemberEmail);
        var desks = await app.ResourceAsync("luzech", "Espace partagé");
        var room = await app.ResourceAsync("luzech", "Salle du Barrage");

        var page = await client.GetDocumentAsync("/espaces/luzech/disponibilites");
        Assert.Contains("Semaine du lundi 30 novembre 2026 au dimanche 6 décembre 2026", page.QuerySelector(".week-nav").Text(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".week-nav a[href*='du=2026-11-23']"));
        Assert.NotNull(page.QuerySelector(".week-nav a[href='/espaces/luzech/disponibilites?du=2026-12-07']"));
        var links = page.QuerySelectorAll(".week-table a[href^='/reserver']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/reserver?ressource={desks}&date=2026-12-03&periode=journee", links);
        Assert.Contains($"/reserver?ressource={room}&date=2026-12-03&debut=08:00&fin=09:00", links);
        var deskLink = page.QuerySelector($".week-table a[href='/reserver?ressource={desks}&date=2026-12-03&periode=journee']");
        Assert.Equal("Réserver Espace partagé, jeudi 3 décembre 2026", deskLink.Text());

        var next = await client.GetDocumentAsync("/espaces/luzech/disponibilites?du=2026-12-07");
        Assert.NotNull(next.QuerySelector(".week-nav a[href='/espaces/luzech/disponibilites?du=2026-11-30']"));
        Assert.Contains("Fermé : Noël", Cell(await client.GetDocumentAsync("/espaces/luzech/disponibilites?du=2026-12-25"), "Espace partagé", 4), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_week_shows_this_week_with_a_message_and_an_unknown_site_is_not_found()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        foreach (var du in new[] { "2026-02-31", "demain", "9999-12-31" })
        {
            var page = await client.GetDocumentAsync($"/espaces/luzech/disponibilites?du={du}");
            Assert.NotEmpty(page.QuerySelector("main [role=alert]").Text());
            Assert.Contains("lundi 30 novembre 2026", page.QuerySelector(".week-table caption").Text(), StringComparison.Ordinal);
        }
        await client.GetDocumentAsync("/espaces/nulle-part/disponibilites", HttpStatusCode.NotFound);
        var details = await client.GetDocumentAsync("/espaces/luzech");
        Assert.Equal("Voir les disponibilités et réserver", details.QuerySelector("a[href='/espaces/luzech/disponibilites']").Text());
    }
}
