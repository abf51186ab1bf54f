using System.Net;
using System.Net.Http.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Booking;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Privacy;

public sealed class AccountDeletionTests
{
    private static Task<HttpResponseMessage> DeleteAsync(HttpClient browser, string password, bool confirm = true)
    {
        var fields = new Dictionary<string, string> { ["Input.Password"] = password };
        if (confirm)
        {
            fields["Input.Confirm"] = "true";
        }
        return browser.SubmitFormAsync("/mes-donnees/supprimer", fields);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deleting_my_account_keeps_my_past_booking_counted_without_me_keeps_my_invoice_and_frees_my_coming_booking(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, PrivacySteps.NoWorkers);
        var userId = await app.UserIdAsync(TestApp.MemberEmail);
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var past = await app.BookAsync(member, "2026-12-02");
        var luzech = await app.WithDbAsync(db => db.Sites.Where(s => s.Slug == "luzech").Select(s => s.Id).SingleAsync());
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 8, 30, 0, TimeSpan.Zero));
        var host = await app.ApiClientAsync(TestApp.HostEmail);
        member = await app.ApiClientAsync(TestApp.MemberEmail);
        var checkIn = await host.PostJsonAsync($"/api/v1/sites/{luzech}/checkins", new { bookingId = past });
        Assert.True(checkIn.IsSuccessStatusCode, await checkIn.Content.ReadAsStringAsync());
        var coming = await app.BookAsync(member, "2026-12-10");
        var invoice = await app.InvoiceAsync(userId, "Camille Membre");
        var visitsBefore = await app.WithDbAsync(db => db.Visits.CountAsync(v => v.SiteId == luzech));

        var otherDevice = app.Browser();
        await otherDevice.SignInAsync(TestApp.MemberEmail);
        var browser = app.Browser();
        await browser.SignInAsync(TestApp.MemberEmail);
        var response = await DeleteAsync(browser, TestApp.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/compte-supprime", response.Headers.Location?.OriginalString);
        // Signed out, and nobody can sign in with the old address any more.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(new Uri("/mes-donnees", UriKind.Relative))).StatusCode);
        var login = await app.CreateClient().PostAsJsonAsync(new Uri("/api/v1/auth/login", UriKind.Relative), new { email = TestApp.MemberEmail, password = TestApp.DemoPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        // The session on another device and the bearer token handed out before the deletion end at once.
        var elsewhere = await otherDevice.GetAsync(new Uri("/mes-reservations", UriKind.Relative));
        Assert.Equal("/compte-supprime", elsewhere.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await member.GetAsync(new Uri("/api/v1/me/bookings", UriKind.Relative))).StatusCode);

        var account = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId));
        Assert.DoesNotContain("membre", account.Email, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", account.FirstName + account.LastName);
        Assert.Null(account.PasswordHash);
        var bookings = await app.WithDbAsync(db => db.Bookings.AsNoTracking().Where(b => b.Id == past || b.Id == coming).ToDictionaryAsync(b => b.Id));
        Assert.Equal(BookingStatus.Confirmed, bookings[past].Status); // still counted
        Assert.Equal(BookingStatus.Cancelled, bookings[coming].Status); // its place freed
        Assert.Equal(visitsBefore, await app.WithDbAsync(db => db.Visits.CountAsync(v => v.SiteId == luzech)));
        var visitor = await app.WithDbAsync(db => db.Visits.Where(v => v.BookingId == past).Select(v => v.Visitor!).SingleAsync());
        Assert.Equal("", visitor.DisplayName);
        Assert.Null(visitor.Email);
        var kept = await app.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == invoice.Id));
        Assert.Equal((invoice.Number, "Camille Membre", invoice.TotalInclTaxCents), (kept.Number, kept.ClientName, kept.TotalInclTaxCents));

        var mail = app.Mails().Last(m => m.To.Mailboxes.Any(a => a.Address == TestApp.MemberEmail));
        Assert.Equal("Votre compte Cotravail a été supprimé", mail.Subject);
        var free = await app.CreateClient().GetStringAsync(new Uri($"/api/v1/sites/{luzech}/availability?from=2026-12-10&to=2026-12-10", UriKind.Relative));
        Assert.DoesNotContain("\"booked\":1", free.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_or_no_confirmation_deletes_nothing()
    {
        await using var app = await TestApp.StartAsync(settings: PrivacySteps.NoWorkers);
        var browser = app.Browser();
        await browser.SignInAsync(TestApp.MemberEmail);

        var wrong = await (await DeleteAsync(browser, "pas-le-bon-mot-de-passe")).ParseAsync();
        Assert.Equal("Ce n'est pas votre mot de passe.", wrong.QuerySelector("#Input_Password-error").Text());
        var unticked = await (await DeleteAsync(browser, TestApp.DemoPassword, confirm: false)).ParseAsync();
        Assert.Contains("Cochez la case pour confirmer la suppression.", unticked.Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == TestApp.MemberEmail)));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/mes-donnees", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_last_manager_of_a_network_cannot_delete_their_account()
    {
        await using var app = await TestApp.StartAsync(settings: PrivacySteps.NoWorkers);
        var browser = app.Browser();
        await browser.SignInAsync(TestApp.ManagerEmail);

        var page = await browser.GetDocumentAsync("/mes-donnees/supprimer");
        Assert.Contains("dernier gestionnaire du réseau", page.QuerySelector("#dernier-gestionnaire").Text(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form"));
        // Posted anyway (with the antiforgery token of the page's sign-out form): refused with the same message.
        var posted = await browser.SubmitFormAsync("/mes-donnees/supprimer",
            new Dictionary<string, string> { ["Input.Password"] = TestApp.DemoPassword, ["Input.Confirm"] = "true" },
            formSelector: "form[action='/compte/deconnexion']", postTo: "/mes-donnees/supprimer");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("dernier gestionnaire du réseau", (await posted.ParseAsync()).QuerySelector("#dernier-gestionnaire").Text(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == TestApp.ManagerEmail)));
    }
}
