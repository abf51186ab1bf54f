using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Booking;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Booking;

public sealed class BookingPagesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_member_books_a_desk_through_the_form_confirms_it_and_cancels_it_before_the_cut_off(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.Browser();
        await client.SignInAsync(TestApp.MemberEmail);
        var desks = await app.ResourceAsync("luzech", "Espace partagé");

        var form = await client.GetDocumentAsync($"/reserver?ressource={desks}&date=2026-12-03&periode=journee");
        Assert.Equal("2026-12-03", form.QuerySelector("#Input_Date")!.GetAttribute("value"));
        Assert.True(form.QuerySelector("#Input_Period_journee")!.HasAttribute("checked"));
        Assert.Contains("Ce jour-là : 12 places libres", form.Body.Text(), StringComparison.Ordinal);
        Assert.Equal("Journée – 15,00 €", form.QuerySelector("label[for=Input_Period_journee]").Text().Replace('\u00a0', ' '));

        var confirmation = await client.VerifyAsync(desks, new Dictionary<string, string> { ["Input.Date"] = "2026-12-03", ["Input.Period"] = "journee" });
        var summary = confirmation.QuerySelector("dl.summary").Text();
        Assert.Contains("Espace partagé", summary, StringComparison.Ordinal);
        Assert.Contains("Tiers-lieu de Luzech", summary, StringComparison.Ordinal);
        Assert.Contains("jeudi 3 décembre 2026", summary, StringComparison.Ordinal);
        Assert.Contains("journée, 8 h 00 – 22 h 00", summary, StringComparison.Ordinal);
        Assert.Contains("15,00 €", summary, StringComparison.Ordinal);
        Assert.Contains("Gratuite jusqu'au mercredi 2 décembre 2026 à 18 h 00", summary, StringComparison.Ordinal);
        Assert.Equal("Confirmer la réservation", confirmation.QuerySelector("form[action*='handler=Confirm'] button").Text());
        Assert.Equal(0, await app.BookingCountAsync());
        Assert.Empty(app.Mails());

        var confirmed = await client.PostFormAsync(confirmation, "form[action*='handler=Confirm']");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/mes-reservations", confirmed.Location());
        var booking = await app.WithDbAsync(db => db.Bookings.SingleAsync());
        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Equal(Period.Day, booking.Period);
        Assert.Equal(1500, booking.PriceCents);
        Assert.StartsWith("Réservation confirmée", Assert.Single(app.Mails()).Subject, StringComparison.Ordinal);

        var mine = await client.GetDocumentAsync("/mes-reservations");
        var notice = mine.QuerySelector("[role=status]").Text();
        Assert.Contains("Réservation confirmée : Espace partagé à Tiers-lieu de Luzech", notice, StringComparison.Ordinal);
        Assert.Contains("un e-mail de confirmation vous a été envoyé", notice, StringComparison.Ordinal);
        var upcoming = mine.QuerySelector("section[aria-labelledby=a-venir]").Text();
        Assert.Contains("Espace partagé Tiers-lieu de Luzech", upcoming, StringComparison.Ordinal);
        Assert.Contains("jeudi 3 décembre 2026, journée, 8 h 00 – 22 h 00", upcoming, StringComparison.Ordinal);
        Assert.Contains("Statut confirmée", upcoming, StringComparison.Ordinal);
        Assert.Contains("15,00 €", upcoming, StringComparison.Ordinal);
        Assert.Equal($"/mes-reservations/{booking.Id}/annuler", mine.QuerySelector("section[aria-labelledby=a-venir] a[href*=annuler]")!.GetAttribute("href"));

        var cancelPage = await client.GetDocumentAsync($"/mes-reservations/{booking.Id}/annuler");
        Assert.Contains("L'annulation est gratuite jusqu'au mercredi 2 décembre 2026 à 18 h 00.", cancelPage.Body.Text(), StringComparison.Ordinal);
        var cancelled = await client.SubmitFormAsync($"/mes-reservations/{booking.Id}/annuler", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(BookingStatus.Cancelled, await app.WithDbAsync(db => db.Bookings.Select(b => b.Status).SingleAsync()));

        mine = await client.GetDocumentAsync("/mes-reservations");
        Assert.Contains("Elle ne vous sera pas facturée", mine.QuerySelector("[role=status]").Text(), StringComparison.Ordinal);
        Assert.Contains("Aucune réservation à venir.", mine.QuerySelector("section[aria-labelledby=a-venir]").Text(), StringComparison.Ordinal);
        var past = mine.QuerySelector("section[aria-labelledby=passees]").Text();
        Assert.Contains("Statut annulée", past, StringComparison.Ordinal);
        Assert.DoesNotContain("tardivement", past, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancellation_after_18_00_the_day_before_is_kept_as_a_late_cancellation()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.SignInAsync(TestApp.MemberEmail);
        var id = await app.BookDeskThroughPagesAsync(client, "2026-12-03", "matin");

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 18, 30, 0, TimeSpan.Zero)); // 19:30 in Paris, the day before
        client = app.Browser();
        await client.SignInAsync(TestApp.MemberEmail);
        var page = await client.GetDocumentAsync($"/mes-reservations/{id}/annuler");
        Assert.Contains("cette annulation sera conservée comme annulation tardive", page.Body.Text(), StringComparison.Ordinal);

        var cancelled = await client.SubmitFormAsync($"/mes-reservations/{id}/annuler", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(BookingStatus.LateCancelled, await app.WithDbAsync(db => db.Bookings.Select(b => b.Status).SingleAsync()));
        var mine = await client.GetDocumentAsync("/mes-reservations");
        Assert.Contains("conservée comme annulation tardive", mine.QuerySelector("[role=status]").Text(), StringComparison.Ordinal);
        Assert.Contains("Statut annulée tardivement", mine.QuerySelector("section[aria-labelledby=passees]").Text(), StringComparison.Ordinal);

        var again = await client.GetDocumentAsync($"/mes-reservations/{id}/annuler");
        Assert.Null(again.QuerySelector("main form"));
    }

    [Fact]
    public async Task Another_members_booking_cannot_be_opened_for_cancelling()
    {
        await using var app = await TestApp.StartAsync();
        var owner = app.Browser();
        await owner.SignInAsync(TestApp.MemberEmail);
        var id = await app.BookDeskThroughPagesAsync(owner, "2026-12-04");
        var other = await app.CreateUserAsync("voisine@exemple.fr");
        var client = app.Browser();
        await client.SignInAsync(other.Email!);

        await client.GetDocumentAsync($"/mes-reservations/{id}/annuler", HttpStatusCode.NotFound);
        var token = (await client.GetDocumentAsync($"/reserver?ressource={await app.ResourceAsync("luzech", "Espace partagé")}"))
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await client.PostAsync(new Uri($"/mes-reservations/{id}/annuler", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(BookingStatus.Confirmed, await app.WithDbAsync(db => db.Bookings.Select(b => b.Status).SingleAsync()));
        Assert.Contains("Aucune réservation à venir.", (await client.GetDocumentAsync("/mes-reservations")).Body.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Booking_pages_need_an_account()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        foreach (var url in new[] { "/reserver?ressource=1&date=2026-12-03&periode=matin", "/mes-reservations" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/compte/connexion", response.Location(), StringComparison.Ordinal);
        }
    }
}
