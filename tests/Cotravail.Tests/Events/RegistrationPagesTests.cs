using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Events;

namespace Cotravail.Tests.Events;

public sealed class RegistrationPagesTests
{
    [Fact]
    public async Task A_member_registers_in_one_click_and_receives_a_mail_with_a_cancellation_link()
    {
        await using var app = await TestApp.StartAsync();
        var id = await app.CreateEventAsync(capacity: 5);
        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);

        var response = await member.SubmitFormAsync($"/agenda/{id}", new Dictionary<string, string>(), postTo: $"/agenda/{id}?handler=Register");
        var page = await member.GetDocumentAsync($"/agenda/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Vous êtes inscrit·e. Un e-mail de confirmation vous a été envoyé.", page.QuerySelector(".notice").Text());
        Assert.Equal("Vous êtes inscrit·e à cet événement.", page.QuerySelector("#mon-inscription").Text());
        Assert.Equal("4 places restantes sur 5", page.QuerySelector("#places").Text());
        var mail = Assert.Single(app.Mails());
        Assert.Equal("Inscription confirmée : Atelier numérique", mail.Subject);
        Assert.Contains(mail.Attachments, a => a.ContentType.MimeType == "text/calendar");
        EventSteps.LinkTo(mail, "/agenda/inscription/annuler");
    }

    [Fact]
    public async Task Someone_without_an_account_registers_by_confirming_the_link_sent_by_mail()
    {
        await using var app = await TestApp.StartAsync();
        var id = await app.CreateEventAsync(capacity: 5);
        var visitor = app.Browser();
        var fields = new Dictionary<string, string> { ["Guest.Name"] = "Léa Roux", ["Guest.Email"] = "Lea.Roux@exemple.fr", ["Guest.Postcode"] = "46700" };

        var sent = await visitor.SubmitFormAsync($"/agenda/{id}", fields, postTo: $"/agenda/{id}?handler=Guest");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(5, (await app.EventAsync(id)).Remaining); // nothing held before the link is opened

        var mail = Assert.Single(app.Mails());
        Assert.Equal("Confirmez votre inscription : Atelier numérique", mail.Subject);
        Assert.Equal("lea.roux@exemple.fr", mail.To.Mailboxes.Single().Address);
        EventSteps.LinkTo(mail, "/agenda/inscription/annuler");
        var confirmLink = EventSteps.LinkTo(mail, "/agenda/inscription/confirmer");
        var confirmed = await (await visitor.SubmitFormAsync(confirmLink, new Dictionary<string, string>())).ParseAsync();

        Assert.Equal("Votre inscription est confirmée. Un e-mail récapitulatif vous a été envoyé.", confirmed.QuerySelector(".notice").Text());
        Assert.Equal(4, (await app.EventAsync(id)).Remaining);
        var registration = Assert.Single(await app.RegistrationsAsync(id));
        Assert.Equal(RegistrationStatus.Confirmed, registration.Status);
        Assert.Equal("46700", registration.Postcode);
        Assert.Null(registration.UserId);

        var twice = await (await visitor.SubmitFormAsync($"/agenda/{id}", fields, postTo: $"/agenda/{id}?handler=Guest")).ParseAsync();
        Assert.Equal("Cette adresse e-mail est déjà inscrite à cet événement.", twice.QuerySelector("#Guest_Email-error").Text());
        Assert.Single(await app.RegistrationsAsync(id));
    }

    [Fact]
    public async Task A_forged_or_foreign_link_confirms_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var page = await app.Browser().GetDocumentAsync("/agenda/inscription/confirmer?jeton=abc", HttpStatusCode.BadRequest);
        Assert.Equal("Ce lien n'est pas valide ou a expiré. Vous pouvez vous inscrire à nouveau depuis l'agenda.", page.QuerySelector(".alert").Text());
    }

    [Fact]
    public async Task Registration_closes_before_the_start_with_a_clear_message()
    {
        await using var app = await TestApp.StartAsync();
        var id = await app.CreateEventAsync(startUtc: new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc)); // 10:00, closes at 08:00
        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);

        var page = await member.GetDocumentAsync($"/agenda/{id}");

        Assert.Contains("Les inscriptions sont closes pour cet événement.", page.QuerySelector("#inscription")!.ParentElement.Text(), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main form"));
    }

    [Fact]
    public async Task When_someone_cancels_the_first_on_the_waitlist_gets_the_place_and_a_mail()
    {
        await using var app = await TestApp.StartAsync();
        var id = await app.CreateEventAsync(capacity: 1);
        var members = await app.NewMembersAsync(3);
        foreach (var m in members)
        {
            await m.PostJsonAsync($"/api/v1/events/{id}/registrations", new { });
        }
        var before = await app.RegistrationsAsync(id);
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted, RegistrationStatus.Waitlisted], before.Select(r => r.Status));
        Assert.Equal([null, 1, 2], before.Select(r => r.WaitlistPosition));

        var cancelLink = EventSteps.LinkTo(app.Mails().First(m => m.To.Mailboxes.Single().Address == before[0].Email), "/agenda/inscription/annuler");
        var visitor = app.Browser();
        var done = await (await visitor.SubmitFormAsync(cancelLink, new Dictionary<string, string>())).ParseAsync();

        Assert.Equal("Votre inscription est annulée. Merci de nous avoir prévenus !", done.QuerySelector(".notice").Text());
        var after = await app.RegistrationsAsync(id);
        Assert.Equal([RegistrationStatus.Cancelled, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted], after.Select(r => r.Status));
        Assert.Equal(1, (await app.EventAsync(id)).Registered);
        var promoted = app.Mails().Single(m => m.Subject == "Une place s'est libérée : Atelier numérique");
        Assert.Equal(before[1].Email, promoted.To.Mailboxes.Single().Address);
        EventSteps.LinkTo(promoted, "/agenda/inscription/annuler");
    }
}
