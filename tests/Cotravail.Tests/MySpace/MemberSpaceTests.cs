using System.Net;
using Cotravail.Tests.Accounts;
using Cotravail.Tests.Events;
using Cotravail.Tests.Infrastructure;
using static Cotravail.Tests.MySpace.MySpaceSteps;

namespace Cotravail.Tests.MySpace;

/// <summary>« Mon espace » and <c>GET /api/v1/me/summary</c> for a member: next bookings, days left, amount due, sign-ups.</summary>
public sealed class MemberSpaceTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_member_sees_their_booking_days_left_amount_due_and_event_on_the_page_and_in_the_api(string provider)
    {
        var app = await apps.GetAsync(provider);
        await app.CreateUserAsync("camille@exemple.fr");
        var member = await app.ApiClientAsync("camille@exemple.fr");
        var (_, number) = await OrderCarnetAsync(app, member);
        var booking = await BookAsync(member, await DesksAsync(app), "2026-12-03");
        var eventId = await app.CreateEventAsync(title: "Atelier tableur pour Camille");
        await RegisterAsync(member, eventId);
        // Someone else's booking and event never show.
        await app.CreateUserAsync("autre-camille@exemple.fr");
        var other = await app.ApiClientAsync("autre-camille@exemple.fr");
        await BookAsync(other, await DesksAsync(app, "prayssac"), "2026-12-04");

        var browser = app.Browser();
        await browser.SignInAsync("camille@exemple.fr");
        var page = await browser.GetDocumentAsync(Page);

        Assert.Equal("Mon espace Bonjour Test", page.QuerySelector("main h1").Text());
        Assert.Equal("/reserver", page.QuerySelector("main a.space-book-button")!.GetAttribute("href"));
        var next = Assert.Single(page.QuerySelectorAll("#prochaines-reservations > li"));
        Assert.Contains("Espace partagé Tiers-lieu de Luzech", next.Text(), StringComparison.Ordinal);
        Assert.Contains("jeudi 3 décembre 2026, journée", next.Text(), StringComparison.Ordinal);
        Assert.Contains("Annulation gratuite jusqu'au mercredi 2 décembre 2026 à 18 h 00.", next.Text(), StringComparison.Ordinal);
        Assert.Equal($"/mes-reservations/{booking}/annuler", next.QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain("Prayssac", page.QuerySelector("#prochaines-reservations").Text(), StringComparison.Ordinal);

        var rights = Assert.Single(page.QuerySelectorAll("#mes-droits-en-cours > li")).Text();
        Assert.Contains("Carnet de 10 journées", rights, StringComparison.Ordinal);
        Assert.Contains("9 journées restantes sur 10", rights, StringComparison.Ordinal);
        Assert.Contains("valable jusqu'au", rights, StringComparison.Ordinal);

        var due = page.QuerySelector("#a-regler").Text();
        Assert.Contains("Reste à payer : 130,00 €", due, StringComparison.Ordinal);
        Assert.Contains($"Facture {number}", due, StringComparison.Ordinal);
        Assert.Contains($"Par virement à Communauté de communes de la Vallée du Lot et du Vignoble : IBAN FR76 3000 1000 6400 0001 2345 618 – BIC BDFEFRPPCCT. Référence à indiquer : {number}", due, StringComparison.Ordinal);
        Assert.Contains("À l'accueil d'un tiers-lieu", due, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#a-regler a[href='/mes-factures']"));

        var signup = Assert.Single(page.QuerySelectorAll("#prochaines-inscriptions > li"));
        Assert.Contains("Atelier tableur pour Camille", signup.Text(), StringComparison.Ordinal);
        Assert.Contains("jeudi 10 décembre 2026, 18 h 00 – 20 h 00", signup.Text(), StringComparison.Ordinal);
        Assert.Equal($"/agenda/{eventId}", signup.QuerySelector("h3 a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("main a[href='/ma-carte']"));
        Assert.Null(page.QuerySelector("#sites-du-jour"));
        Assert.Null(page.QuerySelector("#chiffres-semaine"));
        Assert.Null(page.QuerySelector("#premiere-reservation"));

        var json = await SummaryAsync(member);
        var apiBooking = Assert.Single(json.GetProperty("nextBookings").EnumerateArray());
        Assert.Equal(booking, apiBooking.GetProperty("id").GetInt32());
        Assert.Equal("2026-12-03", apiBooking.GetProperty("date").GetString());
        Assert.Equal("day", apiBooking.GetProperty("period").GetString());
        Assert.Equal("2026-12-02T18:00:00", apiBooking.GetProperty("freeCancellationUntil").GetString());
        Assert.Equal(1, json.GetProperty("upcomingBookings").GetInt32());
        var right = Assert.Single(json.GetProperty("entitlements").EnumerateArray());
        Assert.Equal(9, right.GetProperty("remaining").GetInt32());
        Assert.Equal(13000, json.GetProperty("due").GetProperty("totalCents").GetInt32());
        Assert.Equal(number, Assert.Single(json.GetProperty("due").GetProperty("transfers")[0].GetProperty("references").EnumerateArray()).GetString());
        Assert.Equal("Atelier tableur pour Camille", Assert.Single(json.GetProperty("nextSignups").EnumerateArray()).GetProperty("title").GetString());
        Assert.Empty(json.GetProperty("sitesToday").EnumerateArray());
        Assert.Empty(json.GetProperty("networkWeeks").EnumerateArray());

        // « Annuler » leads to the cancellation page of « Mes réservations »; once cancelled, the booking leaves the page.
        var cancelled = await browser.SubmitFormAsync($"/mes-reservations/{booking}/annuler", new Dictionary<string, string>());
        Assert.Equal("/mes-reservations", cancelled.Headers.Location?.OriginalString);
        page = await browser.GetDocumentAsync(Page);
        Assert.Null(page.QuerySelector("#prochaines-reservations"));
        Assert.Contains("Aucune réservation à venir.", page.QuerySelector("section[aria-labelledby='reservations-titre']").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_member_is_invited_to_a_first_booking_and_told_of_the_discovery_day()
    {
        var app = await apps.GetAsync();
        await app.CreateUserAsync("nouvelle@exemple.fr");
        var browser = app.Browser();
        await browser.SignInAsync("nouvelle@exemple.fr");

        var page = await browser.GetDocumentAsync(Page);

        Assert.StartsWith("Vous n'avez pas encore réservé", page.QuerySelector("#premiere-reservation").Text(), StringComparison.Ordinal);
        Assert.Contains("journée découverte est offerte", page.QuerySelector("#journee-decouverte").Text(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#a-regler"));
        Assert.Null(page.QuerySelector("#mes-droits-en-cours"));
        Assert.NotNull(page.QuerySelector("main a[href='/mes-droits#commander']"));
        Assert.NotNull(page.QuerySelector("main a[href='/agenda']"));
        var json = await SummaryAsync(browser);
        Assert.False(json.GetProperty("hasBooked").GetBoolean());
        Assert.True(json.GetProperty("discoveryDayAvailable").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("due").ValueKind);
    }

    [Fact]
    public async Task Anonymous_people_are_sent_to_sign_in_and_the_api_answers_401()
    {
        var app = await apps.GetAsync();
        var client = app.Browser();

        var page = await client.GetAsync(new Uri(Page, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/compte/connexion?ReturnUrl=%2Fmon-espace", page.Headers.Location!.PathAndQuery());
        var api = await client.GetAsync(new Uri(Api, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }
}
