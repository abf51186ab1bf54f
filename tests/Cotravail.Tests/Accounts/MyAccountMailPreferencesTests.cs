using System.Net.Http.Json;
using Cotravail.Tests.Entrepreneurs;
using Cotravail.Tests.Events;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Billing.Entitlements;
using Cotravail.Web.Features.Billing.Products;
using Cotravail.Web.Features.Entrepreneurs;
using Cotravail.Web.Features.Events;
using Cotravail.Web.Features.Events.Ratings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Accounts;

/// <summary>The e-mails chosen on « Mon compte »: the senders of reminders and of the digest honour them; the others always go.</summary>
public sealed class MyAccountMailPreferencesTests
{
    private static readonly Dictionary<string, string?> NoWorkers = new()
    {
        ["Events:Reminders"] = "false", ["Billing:ExpiryReminders"] = "false", ["Network:Digest"] = "false",
    };

    private static Task<HttpResponseMessage> ChooseAsync(HttpClient api, bool reminders, bool digest = false) =>
        api.PutAsJsonAsync(new Uri("/api/v1/me/account", UriKind.Relative), new
        {
            firstName = "Test", lastName = "Membre", language = "fr", wantsReminders = reminders, wantsDigest = digest, wantsNews = false,
        });

    private static Task<T> RunAsync<T, TJob>(TestApp app, Func<TJob, Task<T>> run) where TJob : notnull =>
        app.WithServiceAsync(run);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Event_reminders_and_rating_invitations_go_only_to_those_who_keep_reminders_on(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, NoWorkers);
        var id = await app.CreateEventAsync();
        var keeps = await app.CreateUserAsync("garde@exemple.fr");
        var declines = await app.CreateUserAsync("refuse@exemple.fr");
        foreach (var email in new[] { "garde@exemple.fr", "refuse@exemple.fr" })
        {
            var api = await app.ApiClientAsync(email);
            Assert.True((await api.PostJsonAsync($"/api/v1/events/{id}/registrations", new { })).IsSuccessStatusCode);
            Assert.True((await ChooseAsync(api, reminders: email.StartsWith("garde", StringComparison.Ordinal))).IsSuccessStatusCode);
        }

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 18, 0, 0, TimeSpan.Zero)); // the day before
        Assert.Equal(1, await RunAsync<int, EventReminders>(app, r => r.SendDueAsync(CancellationToken.None)));
        Assert.Equal(0, await RunAsync<int, EventReminders>(app, r => r.SendDueAsync(CancellationToken.None))); // settled, not tried again
        Assert.Single(app.MailsTo("garde@exemple.fr"), m => m.Subject == "Rappel : Atelier numérique");
        Assert.DoesNotContain(app.MailsTo("refuse@exemple.fr"), m => m.Subject!.StartsWith("Rappel", StringComparison.Ordinal));
        // The confirmation of the registration is no reminder: it went to both.
        Assert.Contains(app.MailsTo("refuse@exemple.fr"), m => m.Subject!.StartsWith("Inscription confirmée", StringComparison.Ordinal));

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 11, 8, 0, 0, TimeSpan.Zero)); // after the event
        Assert.Equal(1, await RunAsync<int, RatingInvites>(app, r => r.SendDueAsync(CancellationToken.None)));
        Assert.Single(app.MailsTo("garde@exemple.fr"), m => m.Subject!.StartsWith("Votre avis", StringComparison.Ordinal));
        Assert.DoesNotContain(app.MailsTo("refuse@exemple.fr"), m => m.Subject!.StartsWith("Votre avis", StringComparison.Ordinal));
        _ = (keeps, declines);
    }

    [Fact]
    public async Task The_expiry_reminder_of_a_carnet_is_not_sent_to_a_member_who_turned_reminders_off_and_is_sent_otherwise()
    {
        await using var app = await TestApp.StartAsync(settings: NoWorkers);
        await app.CreateUserAsync("sans-rappel@exemple.fr");
        await Billing.ProductsAndEntitlementsTests.SellAsync(app, ProductKind.Carnet);
        await Billing.ProductsAndEntitlementsTests.SellAsync(app, ProductKind.Carnet, "sans-rappel@exemple.fr");
        Assert.True((await ChooseAsync(await app.ApiClientAsync("sans-rappel@exemple.fr"), reminders: false)).IsSuccessStatusCode);

        app.Clock.SetUtcNow(new DateTimeOffset(2027, 5, 25, 8, 0, 0, TimeSpan.Zero)); // six days before the end
        Assert.Equal(1, await RunAsync<int, ExpiryReminders>(app, r => r.SendDueAsync(CancellationToken.None)));

        Assert.Single(app.MailsTo(TestApp.MemberEmail), m => m.Subject!.Contains("prend fin", StringComparison.Ordinal));
        Assert.DoesNotContain(app.MailsTo("sans-rappel@exemple.fr"), m => m.Subject!.Contains("prend fin", StringComparison.Ordinal));
        // Its invoice, a legal mail, went out all the same.
        Assert.NotEmpty(app.MailsTo("sans-rappel@exemple.fr"));
    }

    [Fact]
    public async Task The_digest_follows_the_choice_made_on_my_account_which_my_profile_shows_too()
    {
        await using var app = await TestApp.StartAsync(settings: NoWorkers);
        await app.WithDbAsync(db => db.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.WantsDigest, false)));
        var (reader, _) = await app.MemberWithProfileAsync("lectrice@exemple.fr", "Lectrice", Visibility.Members);
        await app.MemberWithProfileAsync("nouvelle@exemple.fr", "Nouvelle Venue", Visibility.Public);
        var browser = app.Browser();
        await browser.SignInAsync("lectrice@exemple.fr");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await browser.SubmitFormAsync("/compte", MyAccountSteps.Details(digest: true))).StatusCode);

        Assert.True((await browser.GetDocumentAsync("/annuaire/ma-fiche")).QuerySelector("#Input_WantsDigest")!.HasAttribute("checked"));
        Assert.Equal(1, await RunAsync<int, WeeklyDigest>(app, d => d.SendDueAsync(CancellationToken.None)));
        var digest = Assert.Single(app.MailsTo(reader.Email!), m => m.Subject == "Cette semaine dans le réseau Cotravail");
        Assert.Contains("décochez-le dans « Mon compte »", digest.TextBody, StringComparison.Ordinal);

        // Turned off again: next week nothing goes.
        await browser.SubmitFormAsync("/compte", MyAccountSteps.Details(digest: false));
        Assert.False((await app.AccountAsync(reader.Id)).WantsDigest);
        app.Clock.Advance(TimeSpan.FromDays(7));
        await app.MemberWithProfileAsync("suivante@exemple.fr", "Suivante", Visibility.Public);
        Assert.Equal(0, await RunAsync<int, WeeklyDigest>(app, d => d.SendDueAsync(CancellationToken.None)));
    }
}
