using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Reception;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Trust;

/// <summary>
/// The desk of a site names the people of its network only: those already welcomed at one of its sites and the members
/// who booked at one of them. A member of another network is found by their exact e-mail address, never by a name, an
/// id or a search; another network's walk-ins never; and another network's no-shows are not counted.
/// </summary>
public sealed class ReceptionOfAnotherNetworkTests
{
    private const string CausseHost = "accueil@causse.test";

    private static async Task<(TestApp App, HttpClient Host, Site Lalbenque)> StartAsync()
    {
        var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Reception:NoShows"] = "false" });
        var (_, lalbenque, _) = await app.CreateOtherNetworkAsync();
        var host = await app.CreateUserAsync(CausseHost, Roles.Host);
        await app.WithDbAsync(async db =>
        {
            db.SiteHosts.Add(new SiteHost { SiteId = lalbenque.Id, UserId = host.Id });
            foreach (var day in Enum.GetValues<DayOfWeek>())
            {
                db.OpeningHours.Add(new OpeningHours { SiteId = lalbenque.Id, Day = day, Opens = new TimeOnly(8, 0), Closes = new TimeOnly(19, 0) });
            }
            return await db.SaveChangesAsync();
        });
        var browser = app.Browser();
        await browser.SignInAsync(CausseHost);
        return (app, browser, lalbenque);
    }

    /// <summary>Someone without an account welcomed at Luzech, who paid a day pass.</summary>
    private static async Task<int> WalkInAtLuzechAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var luzech = await app.SiteAsync("luzech");
        var host = await app.FindUserIdAsync(TestApp.HostEmail);
        var (result, _) = await scope.ServiceProvider.GetRequiredService<Arrivals>().WalkInAsync(
            luzech, new WalkInPerson(null, null, "Gaëlle", "Vidalenc", "gaelle.vidalenc@exemple.fr", "46140"), PaymentMethod.Cash, host, CancellationToken.None);
        Assert.True(result.Ok, result.Message);
        return result.Visit!.VisitorId;
    }

    [Fact]
    public async Task The_desk_of_another_network_finds_no_one_of_network_1_by_name_and_names_no_one_by_id()
    {
        var (app, host, _) = await StartAsync();
        await using var _ = app;
        await app.BookDeskAsync(TestApp.MemberEmail, "luzech");
        var visitor = await WalkInAtLuzechAsync(app);
        var sophie = await app.FindUserIdAsync(TestApp.MemberEmail);

        // Luzech's own desk finds both.
        var luzechDesk = app.Browser();
        await luzechDesk.SignInAsync(TestApp.HostEmail);
        Assert.Contains("Sophie Martin", (await luzechDesk.GetDocumentAsync("/accueil/luzech?q=sophie")).QuerySelector(".results").Text(), StringComparison.Ordinal);
        Assert.Contains("Gaëlle Vidalenc", (await luzechDesk.GetDocumentAsync("/accueil/luzech?q=vidalenc")).QuerySelector(".results").Text(), StringComparison.Ordinal);

        foreach (var search in new[] { "/accueil/lalbenque?q=sophie", "/accueil/lalbenque?q=vidalenc", "/accueil/lalbenque/venue?q=martin", "/accueil/lalbenque/venue?q=gaelle" })
        {
            var page = await host.GetDocumentAsync(search);
            Assert.Null(page.QuerySelector(".results"));
            Assert.DoesNotContain("Sophie Martin", page.Body.Text(), StringComparison.Ordinal);
            Assert.DoesNotContain("Vidalenc", page.Body.Text(), StringComparison.Ordinal);
        }
        foreach (var chosen in new[] { $"/accueil/lalbenque/venue?visiteur={visitor}", $"/accueil/lalbenque/venue?membre={sophie}" })
        {
            var page = await host.GetDocumentAsync(chosen);
            Assert.Equal("2. Nouvelle personne et pass journée", page.QuerySelector("#vendre").Text());
            Assert.DoesNotContain("Sophie Martin", page.Body.Text(), StringComparison.Ordinal);
            Assert.DoesNotContain("Vidalenc", page.Body.Text(), StringComparison.Ordinal);
        }
        var lalbenque = await app.SiteIdAsync("lalbenque");
        var checkIn = await host.PostAsJsonAsync(new Uri($"/api/v1/sites/{lalbenque}/checkins", UriKind.Relative), new { userId = sophie });
        Assert.Equal(HttpStatusCode.Conflict, checkIn.StatusCode);
        Assert.Equal("Cette personne n'a pas de réservation aujourd'hui ici : enregistrez une venue sans réservation.",
            (await checkIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        // A day pass sold to the other network's walk-in by their id is sold to a new person, not to her.
        var sold = await host.SubmitFormAsync($"/accueil/lalbenque/venue?visiteur={visitor}",
            new Dictionary<string, string> { ["Input.VisitorId"] = visitor.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.LastName"] = "Inconnue", ["Input.Postcode"] = "46230", ["Input.CommuneInsee"] = "46148", ["Input.Method"] = "Cash" },
            formSelector: "main form[method=post]");
        Assert.Equal("/accueil/lalbenque", sold.Headers.Location?.OriginalString);
        Assert.Equal(1, await app.WithDbAsync(db => db.Visits.CountAsync(v => v.VisitorId == visitor)));
    }

    [Fact]
    public async Task A_member_of_another_network_is_found_by_their_exact_address_and_welcomed_as_themselves()
    {
        var (app, host, _) = await StartAsync();
        await using var _ = app;
        var sophie = await app.FindUserIdAsync(TestApp.MemberEmail);

        var found = await host.GetDocumentAsync("/accueil/lalbenque?q=MEMBRE%40cotravail.test");
        Assert.Contains("Sophie Martin", found.QuerySelector(".results").Text(), StringComparison.Ordinal);
        var link = found.QuerySelector(".results a[href*='/venue?']")!.GetAttribute("href")!;
        Assert.Contains("courriel=", link, StringComparison.Ordinal);

        var chosen = await host.GetDocumentAsync(link);
        Assert.Equal("2. Pass journée pour Sophie Martin", chosen.QuerySelector("#vendre").Text());
        var sold = await host.SubmitFormAsync(link, new Dictionary<string, string> { ["Input.Postcode"] = "46140", ["Input.CommuneInsee"] = "46182", ["Input.Method"] = "Cash" }, "main form[method=post]");
        Assert.Equal("/accueil/lalbenque", sold.Headers.Location?.OriginalString);
        Assert.Equal(1, await app.WithDbAsync(db => db.Visits.CountAsync(v => v.UserId == sophie)));
        // Welcomed once at Lalbenque, she is one of its network's people now: found by her name.
        Assert.Contains("Sophie Martin", (await host.GetDocumentAsync("/accueil/lalbenque?q=sophie")).QuerySelector(".results").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_desk_counts_the_no_shows_of_its_own_network_only()
    {
        var (app, host, _) = await StartAsync();
        await using var _ = app;
        var missed = await app.BookDeskAsync(TestApp.MemberEmail, "luzech", "2026-12-02");
        await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == missed).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.NoShow)));
        await app.BookDeskAsync(TestApp.MemberEmail, "lalbenque");
        await app.BookDeskAsync(TestApp.MemberEmail, "prayssac");

        var lalbenque = await app.SiteIdAsync("lalbenque");
        var there = await host.GetFromJsonAsync<JsonElement>($"/api/v1/sites/{lalbenque}/today");
        Assert.Equal(0, there.GetProperty("expected")[0].GetProperty("noShows").GetInt32());

        var luzechDesk = await app.ApiClientAsync(TestApp.HostEmail);
        var prayssac = await luzechDesk.GetFromJsonAsync<JsonElement>($"/api/v1/sites/{await app.SiteIdAsync("prayssac")}/today");
        Assert.Equal(1, prayssac.GetProperty("expected")[0].GetProperty("noShows").GetInt32());
    }
}

internal static class DeskOfAnotherNetworkSteps
{
    public static Task<string> FindUserIdAsync(this TestApp app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static Task<int> SiteIdAsync(this TestApp app, string slug) =>
        app.WithDbAsync(db => db.Sites.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync());

    /// <summary>A desk for the whole day (today unless said), booked by the member through the API.</summary>
    public static async Task<int> BookDeskAsync(this TestApp app, string email, string site, string date = "2026-12-01")
    {
        var desks = await app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == site && r.Kind == ResourceKind.DeskPool).Select(r => r.Id).FirstAsync());
        using var member = await app.ApiClientAsync(email);
        var response = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date, period = "day" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }
}
