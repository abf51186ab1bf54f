using System.Net;
using Cotravail.Tests.Booking;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Booking;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Reception;

public sealed class CheckInTests
{
    [Fact]
    public async Task The_host_finds_a_booked_member_by_a_name_typed_without_accents_checks_her_in_and_out()
    {
        await using var app = await ReceptionSteps.StartAsync();
        await app.BookDeskTodayAsync(await app.ApiClientAsync(TestApp.MemberEmail));
        app.AtParis(9);
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);

        var today = await host.GetDocumentAsync("/accueil/luzech");
        Assert.Contains("Sophie Martin", today.QuerySelector("#expected-list").Text(), StringComparison.Ordinal);
        Assert.Contains("Personne pour l'instant.", today.Body.Text(), StringComparison.Ordinal);
        Assert.NotNull(today.QuerySelector("script[src^='/js/today.js']"));
        Assert.NotNull(today.QuerySelector("#aujourdhui-live a[href='/accueil/luzech']"));

        var tooShort = await host.GetDocumentAsync("/accueil/luzech?q=s");
        Assert.Contains("au moins deux lettres", tooShort.QuerySelector("[role=alert]").Text(), StringComparison.Ordinal);
        var found = await host.GetDocumentAsync("/accueil/luzech?q=SOPH%20MAR");
        Assert.Contains("Sophie Martin", found.QuerySelector(".results").Text(), StringComparison.Ordinal);

        var arrived = await host.SubmitFormAsync("/accueil/luzech?q=sophie", new Dictionary<string, string>(),
            formSelector: "form[action*='handler=Arrive']");
        Assert.Equal(HttpStatusCode.Redirect, arrived.StatusCode);
        var after = await host.GetDocumentAsync("/accueil/luzech");
        Assert.Contains("Arrivée de Sophie Martin enregistrée.", after.QuerySelector("[role=status]").Text(), StringComparison.Ordinal);
        Assert.Contains("Sophie Martin", after.QuerySelector("#present-list").Text(), StringComparison.Ordinal);
        Assert.Contains("arrivée : Sophie Martin", after.QuerySelector("#movements").Text(), StringComparison.Ordinal);

        await host.SubmitFormAsync("/accueil/luzech?q=sophie", new Dictionary<string, string>(), formSelector: "form[action*='handler=Arrive']");
        var twice = await host.GetDocumentAsync("/accueil/luzech");
        Assert.Contains("Sophie Martin est déjà enregistré·e comme présent·e.", twice.QuerySelector("[role=alert]").Text(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Visits.CountAsync()));

        app.AtParis(17);
        await host.SubmitFormAsync("/accueil/luzech", new Dictionary<string, string>(), formSelector: "form[action*='handler=Leave']");
        var gone = await host.GetDocumentAsync("/accueil/luzech");
        Assert.Contains("Départ de Sophie Martin enregistré.", gone.QuerySelector("[role=status]").Text(), StringComparison.Ordinal);
        Assert.Null(gone.QuerySelector("#present-list"));
        var visit = await app.WithDbAsync(db => db.Visits.SingleAsync());
        Assert.Equal(new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc), visit.ArrivedAtUtc);
        Assert.Equal(new DateTime(2026, 12, 1, 16, 0, 0, DateTimeKind.Utc), visit.DepartedAtUtc);
        Assert.Equal("46140", visit.Postcode);
        Assert.Equal(Cotravail.Web.Features.Reception.VisitKind.Booked, visit.Kind);
        Assert.NotNull(visit.BookingId);
    }

    [Fact]
    public async Task The_desk_checks_a_member_in_from_the_card_token_and_refuses_a_second_check_in_a_forged_or_expired_token()
    {
        await using var app = await ReceptionSteps.StartAsync();
        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);
        await app.BookDeskTodayAsync(await app.ApiClientAsync(TestApp.MemberEmail));
        var card = await member.GetDocumentAsync("/ma-carte");
        Assert.StartsWith("data:image/svg+xml;base64,", card.QuerySelector("img.qr")!.GetAttribute("src"), StringComparison.Ordinal);
        var token = card.QuerySelector("#card-token").Text();
        app.AtParis(9);

        var api = await app.ApiClientAsync(TestApp.HostEmail);
        var luzech = await app.SiteIdAsync("luzech");
        var forged = await api.PostJsonAsync($"/api/v1/sites/{luzech}/checkins", new { code = token[..^3] + "AAA" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forged.StatusCode);
        Assert.Contains("inconnu ou a expiré", await forged.Title(), StringComparison.Ordinal);

        var first = await api.PostJsonAsync($"/api/v1/sites/{luzech}/checkins", new { code = token });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("Sophie Martin", (await first.JsonAsync()).GetProperty("name").GetString());
        var second = await api.PostJsonAsync($"/api/v1/sites/{luzech}/checkins", new { code = token });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("déjà enregistré·e comme présent·e", await second.Title(), StringComparison.Ordinal);

        // Scanned at the desk's one field (a scanner types it and presses Enter) on the next day: the card has expired.
        app.Clock.Advance(TimeSpan.FromHours(25));
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);
        await host.SubmitFormAsync("/accueil/luzech", new Dictionary<string, string> { ["q"] = token }, formSelector: "#scan");
        Assert.Contains("inconnu ou a expiré", (await host.GetDocumentAsync("/accueil/luzech")).QuerySelector("[role=alert]").Text(), StringComparison.Ordinal);
        api = await app.ApiClientAsync(TestApp.HostEmail);
        var expired = await api.PostJsonAsync($"/api/v1/sites/{luzech}/checkins", new { code = token });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, expired.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Visits.CountAsync()));
    }

    [Fact]
    public async Task The_api_lists_today_checks_out_once_and_answers_a_check_out_without_check_in_with_a_french_problem()
    {
        await using var app = await ReceptionSteps.StartAsync();
        var bookingId = await app.BookDeskTodayAsync(await app.ApiClientAsync(TestApp.MemberEmail));
        app.AtParis(9);
        var api = await app.ApiClientAsync(TestApp.HostEmail);
        var luzech = await app.SiteIdAsync("luzech");

        var nothing = await api.PostAsync(new Uri("/api/v1/checkins/999/checkout", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NotFound, nothing.StatusCode);
        var unknown = await nothing.JsonAsync();
        Assert.Equal("Ressource introuvable.", unknown.GetProperty("title").GetString()); // every 404 of the API has this title
        Assert.Contains("aucune arrivée", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var empty = await api.PostJsonAsync($"/api/v1/sites/{luzech}/checkins", new { });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        var visit = await (await api.PostJsonAsync($"/api/v1/sites/{luzech}/checkins", new { bookingId })).JsonAsync();
        var today = await (await api.GetAsync(new Uri($"/api/v1/sites/{luzech}/today", UriKind.Relative))).JsonAsync();
        Assert.Equal("Sophie Martin", today.GetProperty("present")[0].GetProperty("name").GetString());
        Assert.True(today.GetProperty("expected")[0].GetProperty("arrived").GetBoolean());
        var desks = today.GetProperty("resources").Find(r => r.GetProperty("name").GetString() == "Espace partagé");
        Assert.Equal(1, desks.GetProperty("present").GetInt32());
        Assert.Equal(11, desks.GetProperty("free").GetInt32());

        var id = visit.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync(new Uri($"/api/v1/checkins/{id}/checkout", UriKind.Relative), null)).StatusCode);
        var again = await api.PostAsync(new Uri($"/api/v1/checkins/{id}/checkout", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Aucune arrivée en cours", await again.Title(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_occupancy_shows_present_people_and_capacity_per_resource_without_names()
    {
        await using var app = await ReceptionSteps.StartAsync();
        var bookingId = await app.BookDeskTodayAsync(await app.ApiClientAsync(TestApp.MemberEmail));
        app.AtParis(9);
        var luzech = await app.SiteIdAsync("luzech");
        await (await app.ApiClientAsync(TestApp.HostEmail)).PostJsonAsync($"/api/v1/sites/{luzech}/checkins", new { bookingId });

        var response = await app.CreateClient().GetAsync(new Uri($"/api/v1/sites/{luzech}/occupancy", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Sophie", body, StringComparison.Ordinal);
        var json = await response.JsonAsync();
        Assert.Equal(1, json.GetProperty("present").GetInt32());
        var desks = json.GetProperty("resources").Find(r => r.GetProperty("kind").GetString() == "deskPool");
        Assert.Equal(12, desks.GetProperty("capacity").GetInt32());
        Assert.Equal(1, desks.GetProperty("present").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync(new Uri("/api/v1/sites/9999/occupancy", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_host_of_Luzech_gets_403_on_the_desk_pages_and_api_of_Puy_l_Eveque()
    {
        await using var app = await ReceptionSteps.StartAsync();
        var puy = await app.SiteIdAsync("puy-l-eveque");
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);
        foreach (var page in new[] { "/accueil/puy-l-eveque", "/accueil/puy-l-eveque/venue", "/accueil/puy-l-eveque/qr-arrivee" })
        {
            var denied = await host.GetAsync(new Uri(page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.StartsWith("/compte/acces-refuse", denied.Location(), StringComparison.Ordinal);
        }
        await host.GetDocumentAsync("/accueil/luzech");
        await host.GetDocumentAsync("/accueil/prayssac");
        var menu = await host.GetDocumentAsync("/accueil");
        Assert.Equal(2, menu.QuerySelectorAll("main li a").Length);

        var api = await app.ApiClientAsync(TestApp.HostEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(new Uri($"/api/v1/sites/{puy}/today", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostJsonAsync($"/api/v1/sites/{puy}/checkins", new { code = "x" })).StatusCode);
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(new Uri($"/api/v1/sites/{puy}/today", UriKind.Relative))).StatusCode);
        var manager = await app.ApiClientAsync(TestApp.ManagerEmail);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(new Uri($"/api/v1/sites/{puy}/today", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Eight_simultaneous_check_ins_of_one_member_record_one_visit(string provider)
    {
        await using var app = await ReceptionSteps.StartAsync(provider);
        var bookingId = await app.BookDeskTodayAsync(await app.ApiClientAsync(TestApp.MemberEmail));
        app.AtParis(9);
        var luzech = await app.SiteIdAsync("luzech");
        var hosts = new List<HttpClient>();
        for (var i = 0; i < 8; i++)
        {
            hosts.Add(await app.ApiClientAsync(TestApp.HostEmail));
        }
        var answers = await Task.WhenAll(hosts.Select(h => h.PostJsonAsync($"/api/v1/sites/{luzech}/checkins", new { bookingId })));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(1, await app.WithDbAsync(db => db.Visits.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Visitors.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task At_eleven_morning_and_day_bookings_without_arrival_become_no_shows_once_and_free_their_desks(string provider)
    {
        await using var app = await ReceptionSteps.StartAsync(provider);
        var members = await app.NewMembersAsync(3);
        var day = await app.BookDeskTodayAsync(members[0]);
        var morning = await app.BookDeskTodayAsync(members[1], "morning");
        var afternoon = await app.BookDeskTodayAsync(members[2], "afternoon");
        var came = await app.BookDeskTodayAsync(await app.ApiClientAsync(TestApp.MemberEmail));
        app.AtParis(9);
        var luzech = await app.SiteIdAsync("luzech");
        var host = await app.ApiClientAsync(TestApp.HostEmail);
        await host.PostJsonAsync($"/api/v1/sites/{luzech}/checkins", new { bookingId = came });

        app.AtParis(10, 59);
        Assert.Equal(0, await app.RunNoShowsAsync());
        app.AtParis(11, 5);
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.RunNoShowsAsync()));
        Assert.Equal(2, runs.Sum());
        Assert.Equal(0, await app.RunNoShowsAsync());

        var statuses = await app.WithDbAsync(db => db.Bookings.ToDictionaryAsync(b => b.Id, b => b.Status));
        Assert.Equal(BookingStatus.NoShow, statuses[day]);
        Assert.Equal(BookingStatus.NoShow, statuses[morning]);
        Assert.Equal(BookingStatus.Confirmed, statuses[afternoon]);
        Assert.Equal(BookingStatus.Confirmed, statuses[came]);
        host = await app.ApiClientAsync(TestApp.HostEmail);
        var today = await (await host.GetAsync(new Uri($"/api/v1/sites/{luzech}/today", UriKind.Relative))).JsonAsync();
        var desks = today.GetProperty("resources").Find(r => r.GetProperty("name").GetString() == "Espace partagé");
        Assert.Equal(11, desks.GetProperty("free").GetInt32()); // 12 desks, only the member who came holds one this morning
        Assert.Equal(1, today.GetProperty("expected").Find(e => e.GetProperty("bookingId").GetInt32() == day).GetProperty("noShows").GetInt32());
    }
}
