using System.Net;
using System.Text.RegularExpressions;
using Cotravail.Tests.Accounts;
using Cotravail.Tests.Billing;
using Cotravail.Tests.Booking;
using Cotravail.Tests.Entrepreneurs;
using Cotravail.Tests.Events;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Newcomers;
using Cotravail.Tests.Surveys;
using Cotravail.Web.Common.Mail;
using Cotravail.Web.Features.Billing.Products;
using Cotravail.Web.Features.Entrepreneurs;
using Cotravail.Web.Features.Events;
using Cotravail.Web.Features.Events.Ratings;
using Cotravail.Web.Features.Privacy;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Cotravail.Tests.Common;

/// <summary>
/// Every link of a sample of each e-mail the app sends leads to a page that works: each mail is driven as people do
/// (or its job run), then every address of the site found in its text and HTML is opened — signed out first, and as
/// its recipient when the page asks to sign in — following redirects to a 200. Links are opened as the mails arrive,
/// before the clock moves on (a cancellation link ends with its event).
/// </summary>
public sealed partial class MailLinkTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Host = "localhost";

    /// <summary>The checker itself: a mail that links to no page is reported.</summary>
    [Fact]
    public async Task A_mail_that_links_to_a_page_that_does_not_exist_is_reported()
    {
        await using var app = await TestApp.StartAsync();
        await app.WithScopeAsync(s => s.GetRequiredService<IMailSender>().SendAsync(new OutgoingMail(TestApp.MemberEmail, "Lien cassé",
            "Voyez http://localhost/agenda/nulle-part/ici.", "<p><a href=\"http://localhost/reserver/nulle-part?x=1&amp;y=2\">ici</a></p>")));

        var checker = new Checker(app);
        await checker.CheckNewMailsAsync();

        Assert.Equal(["Lien cassé → /agenda/nulle-part/ici: 404", "Lien cassé → /reserver/nulle-part?x=1&y=2: 404"], checker.Problems.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_link_of_every_kind_of_mail_leads_to_a_page_that_works()
    {
        await using var app = await TestApp.StartAsync(settings: EntrepreneursSteps.NoDigestWorker);
        var checker = new Checker(app);

        // Accounts: the confirmation of a new account, a password reset.
        await app.Browser().RegisterAsync("nouvelle@exemple.fr");
        await app.Browser().SubmitFormAsync("/compte/mot-de-passe-oublie", new Dictionary<string, string> { ["Input.Email"] = TestApp.MemberEmail });
        await checker.CheckNewMailsAsync("Confirmez", "mot de passe");

        // Bookings: confirmation, then cancellation.
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await app.ResourceAsync("luzech", "Espace partagé");
        var booked = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "day" });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        await checker.CheckNewMailsAsync("Réservation");
        var bookingId = (await booked.JsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await member.DeleteAsync(new Uri($"/api/v1/bookings/{bookingId}", UriKind.Relative))).StatusCode);
        await checker.CheckNewMailsAsync("annul");

        // Events: a guest's link to confirm, a place, the waitlist, a cancellation and the place given to the next in line.
        var workshop = await app.CreateEventAsync(capacity: 1, title: "Atelier Canva");
        await app.Browser().SubmitFormAsync($"/agenda/{workshop}", new Dictionary<string, string>
        {
            ["Guest.Name"] = "Léa Roux", ["Guest.Email"] = "lea.roux@exemple.fr", ["Guest.Postcode"] = "46700",
        }, postTo: $"/agenda/{workshop}?handler=Guest");
        var waiting = await app.CreateUserAsync("attente@exemple.fr");
        Assert.Equal(HttpStatusCode.Created, (await member.PostAsync(new Uri($"/api/v1/events/{workshop}/registrations", UriKind.Relative), null)).StatusCode);
        var waitingClient = await app.ApiClientAsync(waiting.Email!);
        Assert.Equal(HttpStatusCode.Created, (await waitingClient.PostAsync(new Uri($"/api/v1/events/{workshop}/registrations", UriKind.Relative), null)).StatusCode);
        await checker.CheckNewMailsAsync("Confirmez votre inscription", "Inscription confirmée", "Liste d'attente");
        var mine = (await app.RegistrationsAsync(workshop)).Single(r => r.Email == TestApp.MemberEmail).Id;
        Assert.Equal(HttpStatusCode.OK, (await member.DeleteAsync(new Uri($"/api/v1/registrations/{mine}", UriKind.Relative))).StatusCode);
        await checker.CheckNewMailsAsync("Inscription annulée", "Une place s'est libérée");

        // Billing: an invoice (an online order), a receipt from the till.
        var carnet = await ProductsAndEntitlementsTests.ProductAsync(app, ProductKind.Carnet);
        Assert.Equal(HttpStatusCode.Created, (await member.PostJsonAsync("/api/v1/me/orders", new { productId = carnet, quantity = 1, payment = "transfer" })).StatusCode);
        await checker.CheckNewMailsAsync("Facture");
        var helene = await app.PersonAsync("helene@exemple.test", "Hélène", "Dupont");
        var invoice = await app.InvoiceAsync(await app.NetworkAsync(), helene, 2000);
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);
        var paid = await host.PostAsync($"{TillForms.Till}?personne={helene.Id}", "form[action$='handler=Settle']",
            ("Settle.InvoiceIds", $"{invoice.Id}"), ("Settle.Method", "Card"), ("Settle.Amount", "20,00"));
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await host.PostAsync(paid.Headers.Location!.OriginalString, "form[action$='handler=Email']")).StatusCode);
        await checker.CheckNewMailsAsync("Reçu");

        // Newcomers: the acknowledgement of a request (it links to booking a discovery day).
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().SubmitFormAsync("/venir/demande", RequestFormTests.Valid())).StatusCode);
        await checker.CheckNewMailsAsync();

        // The entrepreneurs' network: a message through the relay.
        var (_, profile) = await app.MemberWithProfileAsync("couvreur@exemple.fr", "Toitures du Lot", Visibility.Public);
        var sender = app.Browser();
        await sender.SignInAsync(TestApp.MemberEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await sender.SubmitFormAsync($"/messages/nouveau?fiche={profile.Id}",
            new Dictionary<string, string> { ["Input.Subject"] = "Un projet", ["Input.Body"] = "Bonjour, pouvons-nous en parler ?" })).StatusCode);
        await checker.CheckNewMailsAsync();

        // The weekly digest of the network, to one reader who belongs to it (the demo profiles' owners do not want it here).
        await app.WithDbAsync(db => db.Users.ExecuteUpdateAsync(x => x.SetProperty(u => u.WantsDigest, false)));
        var (reader, _) = await app.MemberWithProfileAsync("lectrice@exemple.fr", "Lectrice", Visibility.Members, digest: true);
        var demoNetwork = await app.NetworkAsync();
        await app.WithScopeAsync(x => x.GetRequiredService<NetworkMembership>().JoinAsync(reader.Id, demoNetwork, CancellationToken.None));
        await app.WithScopeAsync(x => x.GetRequiredService<WeeklyDigest>().SendDueAsync(CancellationToken.None));
        await checker.CheckNewMailsAsync("Cette semaine");

        // Surveys: the link to confirm an answer.
        var survey = await app.DemoSurveyAsync();
        await app.WithDbAsync(async db =>
        {
            (await db.Surveys.FindAsync(survey.Id))!.OnePerEmail = true;
            return await db.SaveChangesAsync();
        });
        var respondent = app.Browser();
        await respondent.SubmitFormAsync(SurveySteps.DemoUrl, survey.DemoPage1());
        await respondent.SubmitFormAsync(SurveySteps.DemoUrl, survey.DemoPage2());
        var last = survey.DemoPage3();
        last["Email"] = "repondante@exemple.fr";
        Assert.Equal(HttpStatusCode.Redirect, (await respondent.SubmitFormAsync(SurveySteps.DemoUrl, last)).StatusCode);
        await checker.CheckNewMailsAsync();

        // Personal data: the warning before an inactive account is deleted.
        await app.WithScopeAsync(s => s.GetRequiredService<PrivacyMailer>().SendRetentionWarningAsync(
            TestApp.MemberEmail, "Camille", new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc), CancellationToken.None));
        await checker.CheckNewMailsAsync();

        // Background jobs (run here, unless their workers did as the clock moved): the reminder the day before an event,
        // then the invitation to rate it.
        app.Clock.SetUtcNow(new DateTimeOffset(EventSteps.DefaultStartUtc.AddHours(-20)));
        await app.WithScopeAsync(s => s.GetRequiredService<EventReminders>().SendDueAsync(CancellationToken.None));
        await checker.CheckNewMailsAsync("Rappel");
        app.Clock.SetUtcNow(new DateTimeOffset(EventSteps.DefaultStartUtc.AddDays(1)));
        await app.WithScopeAsync(s => s.GetRequiredService<RatingInvites>().SendDueAsync(CancellationToken.None));
        await checker.CheckNewMailsAsync("Votre avis");

        foreach (var line in checker.Log)
        {
            output.WriteLine(line);
        }
        Assert.True(checker.Problems.Count == 0, "Links that lead nowhere:\n" + string.Join("\n", checker.Problems));
        Assert.True(checker.Opened >= 15, $"Only {checker.Opened} links opened.");
    }

    /// <summary>Opens the links of the mails not seen yet, as their recipients; collects what does not lead to a 200.</summary>
    private sealed class Checker(TestApp app)
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public List<string> Problems { get; } = [];

        /// <summary>Each link opened, after its mail's subject.</summary>
        public List<string> Log { get; } = [];
        public int Opened { get; private set; }

        /// <param name="expected">Words that the subject of one of the new mails must hold, each.</param>
        public async Task CheckNewMailsAsync(params string[] expected)
        {
            var fresh = new List<MimeMessage>();
            // A job's worker may be sending as the clock moved: wait a little for what is expected.
            for (var tries = 0; tries < 50; tries++)
            {
                fresh.AddRange(app.Mails().Where(m => _seen.Add(m.MessageId ?? $"{m.Subject}|{m.To}|{m.Date:O}")));
                if (fresh.Count > 0 && expected.All(w => fresh.Any(m => (m.Subject ?? "").Contains(w, StringComparison.OrdinalIgnoreCase))))
                {
                    break;
                }
                await Task.Delay(100);
            }
            Assert.True(fresh.Count > 0, "No new mail.");
            foreach (var word in expected)
            {
                Assert.True(fresh.Any(m => (m.Subject ?? "").Contains(word, StringComparison.OrdinalIgnoreCase)),
                    $"No new mail about « {word} » among: {string.Join(" / ", fresh.Select(m => m.Subject))}");
            }
            foreach (var mail in fresh)
            {
                var recipient = mail.To.Mailboxes.FirstOrDefault()?.Address;
                foreach (var link in Links(mail))
                {
                    Opened++;
                    Log.Add($"{mail.Subject} → {link}");
                    if (await OpenAsync(link, recipient) is { } problem)
                    {
                        Problems.Add($"{mail.Subject} → {link}: {problem}");
                    }
                }
            }
        }

        /// <summary>Null when the page answers 200 (signed out, or else as the recipient when they have an account), else what it answered.</summary>
        private async Task<string?> OpenAsync(string link, string? recipient)
        {
            var (status, at) = await FollowAsync(app.Browser(), link);
            var signInAsked = status == HttpStatusCode.Redirect && at.StartsWith("/compte/connexion", StringComparison.Ordinal);
            if (status != HttpStatusCode.OK && !signInAsked && recipient is not null && await HasAccountAsync(recipient))
            {
                // Members' things answer 404 to people signed out, not a sign-in: the recipient opens them.
                var signedIn = app.Browser();
                await signedIn.SignInAsync(recipient);
                (status, at) = await FollowAsync(signedIn, link);
            }
            else if (signInAsked)
            {
                if (recipient is not null && await HasAccountAsync(recipient))
                {
                    var signedIn = app.Browser();
                    await signedIn.SignInAsync(recipient);
                    (status, at) = await FollowAsync(signedIn, link);
                }
                else
                {
                    // Someone without an account lands on the sign-in page, which offers to create one and comes back.
                    (status, at) = await FollowAsync(app.Browser(), at, toSignIn: true);
                }
            }
            return status == HttpStatusCode.OK ? null : at == link ? $"{(int)status}" : $"{(int)status} at {at}";
        }

        private Task<bool> HasAccountAsync(string email) =>
            app.WithDbAsync(db => db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant()));

        /// <summary>GETs <paramref name="link"/>, following up to five redirects within the site; stops at one to sign in unless <paramref name="toSignIn"/>.</summary>
        private static async Task<(HttpStatusCode Status, string At)> FollowAsync(HttpClient client, string link, bool toSignIn = false)
        {
            var at = link;
            for (var hops = 0; ; hops++)
            {
                using var response = await client.GetAsync(new Uri(at, UriKind.Relative));
                if ((int)response.StatusCode is < 300 or >= 400 || hops == 5 || response.Headers.Location is not { } next)
                {
                    return (response.StatusCode, at);
                }
                var target = next.IsAbsoluteUri ? (next.Host == Host ? next.PathAndQuery : null) : next.OriginalString;
                if (target is null || (!toSignIn && target.StartsWith("/compte/connexion", StringComparison.Ordinal)))
                {
                    return (HttpStatusCode.Redirect, target ?? next.ToString());
                }
                at = target;
            }
        }
    }

    /// <summary>The site's addresses in the mail's text and HTML (as paths and queries), once each.</summary>
    private static IEnumerable<string> Links(MimeMessage mail)
    {
        var texts = new[] { mail.TextBody ?? "", WebUtility.HtmlDecode(mail.HtmlBody ?? "") };
        return texts.SelectMany(t => UrlPattern().Matches(t))
            .Select(m => m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', '»'))
            .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri : null)
            .Where(u => u is not null && u.Host == Host)
            .Select(u => u!.PathAndQuery)
            .Distinct(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"https?://[^\s<>""']+")]
    private static partial Regex UrlPattern();
}
