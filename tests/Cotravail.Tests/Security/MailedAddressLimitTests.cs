using System.Globalization;
using System.Net;
using Cotravail.Tests.Accounts;
using Cotravail.Tests.Events;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Newcomers;
using Cotravail.Tests.Surveys;
using Cotravail.Web.Common.Mail;
using Cotravail.Web.Common.Security.RateLimiting;
using Cotravail.Web.Features.Newcomers;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Security;

/// <summary>
/// Every public form that mails an address the caller gives is limited per client address and per address mailed
/// (however it is written), and what the caller wrote appears in that mail short and quoted, never as its opening.
/// </summary>
public sealed class MailedAddressLimitTests
{
    private static string Number(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static HttpClient From(TestApp app, string ip, bool api = false)
    {
        var client = api ? app.CreateClient() : app.Browser();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, ip);
        return client;
    }

    private static Task<HttpResponseMessage> RegisterGuestAsync(HttpClient client, int eventId, string email, string name = "Léa Roux") =>
        client.SubmitFormAsync($"/agenda/{eventId}",
            new Dictionary<string, string> { ["Guest.Name"] = name, ["Guest.Email"] = email, ["Guest.Postcode"] = "46700" },
            postTo: $"/agenda/{eventId}?handler=Guest");

    private static async Task AssertTooManyAttemptsPageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("Trop de tentatives", (await response.ParseAsync()).QuerySelector("h1").Text());
        Assert.NotNull(response.Headers.RetryAfter);
    }

    private static async Task AssertTooManyAttemptsProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Trop de requêtes ; réessayez plus tard.", (await response.JsonAsync()).GetProperty("title").GetString());
    }

    private static int MailsToMailbox(TestApp app, string localPart) =>
        app.Mails().Count(m => m.To.Mailboxes.Any(b => b.Address.StartsWith(localPart, StringComparison.OrdinalIgnoreCase)));

    [Fact]
    public async Task The_eleventh_guest_registration_from_one_address_and_the_fourth_to_one_mailbox_are_refused_and_mail_nothing()
    {
        // The limits as shipped (the tests run with high ones).
        var shipped = RateLimitPolicies.Defaults[RateLimitPolicies.AddressMail];
        Assert.Equal((10, 3), (shipped.PermitLimit, shipped.AccountPermitLimit));
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["RateLimits:address-mail:PermitLimit"] = Number(shipped.PermitLimit),
            ["RateLimits:address-mail:AccountPermitLimit"] = Number(shipped.AccountPermitLimit),
        });
        var id = await app.CreateEventAsync(capacity: 50);

        for (var i = 1; i <= 10; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await RegisterGuestAsync(From(app, "203.0.113.80"), id, $"invite{Number(i)}@exemple.fr")).StatusCode);
        }
        await AssertTooManyAttemptsPageAsync(await RegisterGuestAsync(From(app, "203.0.113.80"), id, "invite11@exemple.fr"));
        Assert.Equal(0, MailsToMailbox(app, "invite11@"));
        Assert.Equal(10, app.Mails().Count);

        // One mailbox, from three client addresses, written three ways: the fourth is refused.
        var ways = new[] { "cible@exemple.fr", "Cible+agenda@exemple.fr", "CIBLE@Exemple.fr" };
        for (var i = 0; i < ways.Length; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await RegisterGuestAsync(From(app, $"198.51.100.{Number(i + 1)}"), id, ways[i])).StatusCode);
        }
        await AssertTooManyAttemptsPageAsync(await RegisterGuestAsync(From(app, "198.51.100.9"), id, "cible+encore@exemple.fr"));
        Assert.Equal(3, MailsToMailbox(app, "cible"));
        Assert.DoesNotContain(await app.RegistrationsAsync(id), r => r.Email.Contains("encore", StringComparison.Ordinal));

        // A member's own registration is not counted against anyone.
        var member = From(app, "203.0.113.80");
        await member.SignInAsync(TestApp.MemberEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitFormAsync($"/agenda/{id}", new Dictionary<string, string>(), postTo: $"/agenda/{id}?handler=Register")).StatusCode);
    }

    [Fact]
    public async Task The_name_a_guest_gives_appears_in_the_confirmation_mail_quoted_and_cut_never_as_its_greeting()
    {
        await using var app = await TestApp.StartAsync();
        var id = await app.CreateEventAsync();
        const string pitch = "Gagnez 1000 € tout de suite sur http://arnaque.example.com ! Répondez vite avec vos coordonnées bancaires";

        Assert.Equal(HttpStatusCode.Redirect, (await RegisterGuestAsync(app.Browser(), id, "victime@exemple.fr", pitch)).StatusCode);

        var text = Assert.Single(app.Mails()).TextBody ?? "";
        Assert.StartsWith("Bonjour,\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("au nom de « Gagnez 1000 € tout de suite sur http://… »", text, StringComparison.Ordinal);
        Assert.DoesNotContain("coordonnées bancaires", text, StringComparison.Ordinal);
        Assert.Equal("« Gagnez 1000 € tout de suite sur http://… »", CallerText.Quote(pitch));
        Assert.Equal("« Léa Roux »", CallerText.Quote(" Léa\r\n\u202eRoux "));
    }

    [Fact]
    public async Task A_newcomer_s_request_is_limited_per_address_mailed_on_the_page_and_the_api_and_its_name_is_quoted()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["RateLimits:public-form:AccountPermitLimit"] = "2" });

        Assert.Equal(HttpStatusCode.Redirect, (await From(app, "198.51.100.11").SubmitFormAsync("/venir/demande",
            RequestFormTests.Valid(name: "Léa Fabre, offre spéciale : écrivez à arnaque@example.com tout de suite", email: "lea.fabre@exemple.fr"))).StatusCode);
        var api = From(app, "198.51.100.12", api: true);
        Assert.Equal(HttpStatusCode.Created, (await api.PostJsonAsync("/api/v1/newcomer-requests", new
        {
            kind = "person", name = "Léa Fabre", email = "Lea.Fabre+2@exemple.fr", project = "telework", originPostcode = "69003",
        })).StatusCode);

        await AssertTooManyAttemptsPageAsync(await From(app, "198.51.100.13").SubmitFormAsync("/venir/demande", RequestFormTests.Valid(email: "LEA.FABRE@exemple.fr")));
        await AssertTooManyAttemptsProblemAsync(await From(app, "198.51.100.14", api: true).PostJsonAsync("/api/v1/newcomer-requests", new
        {
            kind = "person", name = "Léa Fabre", email = "lea.fabre@exemple.fr", project = "telework", originPostcode = "69003",
        }));
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<NewcomerRequest>().CountAsync(r => r.Email != null && r.Email.ToLower().StartsWith("lea.fabre"))));
        Assert.Equal(2, MailsToMailbox(app, "lea.fabre"));

        var first = app.Mails().First(m => m.To.Mailboxes.Any(b => b.Address == "lea.fabre@exemple.fr")).TextBody ?? "";
        Assert.StartsWith("Bonjour,\n", first.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("au nom de « Léa Fabre, offre spéciale : écrivez à a… »", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_survey_answer_to_confirm_is_limited_per_address_mailed()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["RateLimits:address-mail:AccountPermitLimit"] = "1" });
        var s = await app.DemoSurveyAsync();
        await app.WithDbAsync(async db =>
        {
            (await db.Surveys.FindAsync(s.Id))!.OnePerEmail = true;
            return await db.SaveChangesAsync();
        });

        async Task<HttpResponseMessage> AnswerAsync(string ip, string email)
        {
            var browser = From(app, ip);
            await browser.SubmitFormAsync(SurveySteps.DemoUrl, s.DemoPage1());
            await browser.SubmitFormAsync(SurveySteps.DemoUrl, s.DemoPage2());
            var last = s.DemoPage3();
            last["Email"] = email;
            return await browser.SubmitFormAsync(SurveySteps.DemoUrl, last);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync("198.51.100.21", "sondee@exemple.fr")).StatusCode);
        await AssertTooManyAttemptsPageAsync(await AnswerAsync("198.51.100.22", "Sondee+2@exemple.fr"));
        Assert.Single(app.Mails());
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.Email != null && r.Email.ToLower() == "sondee+2@exemple.fr")));
    }

    [Fact]
    public async Task Creating_an_account_is_limited_per_address_mailed_and_its_confirmation_quotes_the_name_given()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["RateLimits:registration:AccountPermitLimit"] = "1" });

        Assert.Equal(HttpStatusCode.Redirect, (await From(app, "198.51.100.31").RegisterAsync("compte@exemple.fr")).StatusCode);
        await AssertTooManyAttemptsPageAsync(await From(app, "198.51.100.32").RegisterAsync("Compte+2@exemple.fr"));
        await AssertTooManyAttemptsProblemAsync(await From(app, "198.51.100.33", api: true)
            .PostJsonAsync("/api/v1/auth/register", new { email = "compte@exemple.fr", password = AccountSteps.Password }));
        Assert.Null(await app.FindUserAsync("compte+2@exemple.fr"));
        var mail = Assert.Single(app.Mails());
        Assert.StartsWith("Bonjour,\n", (mail.TextBody ?? "").ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Un compte au nom de « Léa Bouscarel » a été demandé avec cette adresse e-mail.", mail.TextBody, StringComparison.Ordinal);
    }
}
