using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Events;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Events;

/// <summary>Hosts cancel an event: everyone registered or waiting is told once, with the reason, and the agenda says so.</summary>
public sealed class EventCancellationTests
{
    private const string Reason = "L'intervenante est malade ; nous vous proposerons une autre date.";

    [Fact]
    public async Task A_host_cancels_an_event_and_each_registrant_and_waiting_person_gets_one_mail_with_the_reason()
    {
        await using var app = await TestApp.StartAsync();
        var id = await app.CreateEventAsync(capacity: 2, title: "Atelier Canva");
        await app.SeedPeopleAsync(id, confirmed: 2, waitlisted: 1, pending: 1);
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);

        var edit = await host.GetDocumentAsync($"/animation/{id}");
        Assert.Equal($"/animation/{id}/annuler", edit.QuerySelector("#annuler")?.GetAttribute("href"));
        var form = await host.GetDocumentAsync($"/animation/{id}/annuler");
        Assert.Contains("2 personnes inscrites et 1 en liste d'attente recevront un e-mail", form.QuerySelector("#qui").Text());
        var confirm = await (await host.SubmitFormAsync($"/animation/{id}/annuler", new Dictionary<string, string> { ["Reason"] = Reason })).ParseAsync();
        Assert.Equal(Reason, confirm.QuerySelector("#raison").Text());
        Assert.Empty(app.CancellationMails()); // nothing done before the confirmation
        Assert.Equal(EventStatus.Published, (await app.EventAsync(id)).Status);

        var done = await host.SubmitFormAsync($"/animation/{id}/annuler", new Dictionary<string, string> { ["Reason"] = Reason }, postTo: $"/animation/{id}/annuler?handler=Confirm");

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await host.GetDocumentAsync($"/animation/{id}");
        Assert.Contains("3 personnes inscrites ou en liste d'attente ont reçu un e-mail", after.QuerySelector(".notice").Text());
        var mails = app.CancellationMails();
        Assert.Equal(["attente.1@exemple.fr", "inscrit.1@exemple.fr", "inscrit.2@exemple.fr"], mails.Select(m => m.To()).Order());
        Assert.All(mails, m =>
        {
            Assert.Equal("Événement annulé : Atelier Canva", m.Subject);
            Assert.Contains(Reason, m.TextBody);
            Assert.Contains("jeudi 10 décembre 2026", m.TextBody);
            Assert.Contains("/agenda?espace=luzech", m.TextBody);
            Assert.Contains(Reason, System.Net.WebUtility.HtmlDecode(m.HtmlBody));
        });
        Assert.Contains("liste d'attente", mails.Single(m => m.To() == "attente.1@exemple.fr").TextBody);
        var e = await app.EventAsync(id);
        Assert.Equal(EventStatus.Cancelled, e.Status);
        Assert.Equal(0, e.Registered);
        Assert.All(await app.RegistrationsAsync(id), r =>
        {
            Assert.Equal(RegistrationStatus.Cancelled, r.Status);
            Assert.Null(r.WaitlistPosition);
        });
        var page = await app.Browser().GetDocumentAsync($"/agenda/{id}");
        Assert.Contains("Cet événement est annulé.", page.QuerySelector("#annule").Text());
        Assert.Contains(Reason, page.QuerySelector("#annule").Text());
        Assert.Empty(page.QuerySelectorAll("form[action*=Register], form[action*=Guest]"));
    }

    [Fact]
    public async Task Cancelling_an_event_already_cancelled_changes_nothing_and_mails_nobody_a_second_time()
    {
        await using var app = await TestApp.StartAsync();
        var id = await app.CreateEventAsync(capacity: 3);
        await app.SeedPeopleAsync(id, confirmed: 2);
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);
        var confirmPage = await (await host.SubmitFormAsync($"/animation/{id}/annuler", new Dictionary<string, string> { ["Reason"] = Reason })).ParseAsync();
        Assert.NotNull(confirmPage.QuerySelector("#raison"));
        // The confirmation sent twice (a double click, or a second tab kept open).
        var first = await host.SubmitFormAsync($"/animation/{id}/annuler", new Dictionary<string, string> { ["Reason"] = Reason }, postTo: $"/animation/{id}/annuler?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var refused = await host.GetDocumentAsync($"/animation/{id}/annuler");
        Assert.Contains("déjà annulé", refused.QuerySelector("#refus").Text());

        var again = await host.PostAsync(new Uri($"/animation/{id}/annuler?handler=Confirm", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Reason"] = "Une autre raison", ["__RequestVerificationToken"] = Antiforgery(confirmPage),
        }));
        var api = await (await app.ApiClientAsync(TestApp.ManagerEmail)).PostJsonAsync($"/api/v1/events/{id}/cancellation", new { reason = "Encore une fois" });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("déjà annulé", (await again.ParseAsync()).QuerySelector("#refus").Text());
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Equal("Cet événement est déjà annulé.", (await api.JsonAsync()).GetProperty("title").GetString());
        Assert.Equal(2, app.CancellationMails().Count);
        Assert.Equal(Reason, (await app.EventAsync(id)).CancellationReason);
    }

    [Fact]
    public async Task A_paid_event_says_to_the_host_and_in_the_mail_that_nothing_will_be_invoiced()
    {
        await using var app = await TestApp.StartAsync();
        var id = await app.CreateEventAsync(capacity: 3, priceCents: 2500, title: "Formation comptabilité");
        await app.SeedPeopleAsync(id, confirmed: 1);
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);

        var form = await host.GetDocumentAsync($"/animation/{id}/annuler");
        var api = await (await app.ApiClientAsync(TestApp.HostEmail)).PostJsonAsync($"/api/v1/events/{id}/cancellation", new { reason = Reason });

        Assert.Contains("ne seront pas facturées (1 places concernées)", form.QuerySelector("#paiement").Text());
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(1, (await api.JsonAsync()).GetProperty("told").GetInt32());
        var mail = Assert.Single(app.CancellationMails());
        Assert.Contains("Cet événement était payant (25,00 €) : votre inscription est annulée et ne vous sera pas facturée.", mail.TextBody);
    }

    [Fact]
    public async Task A_cancellation_without_a_reason_is_refused_next_to_the_field_and_through_the_API()
    {
        await using var app = await TestApp.StartAsync();
        var id = await app.CreateEventAsync();
        await app.SeedPeopleAsync(id, confirmed: 1);
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);

        var page = await (await host.SubmitFormAsync($"/animation/{id}/annuler", new Dictionary<string, string> { ["Reason"] = "   " })).ParseAsync();
        var api = await (await app.ApiClientAsync(TestApp.HostEmail)).PostJsonAsync($"/api/v1/events/{id}/cancellation", new { reason = "" });

        Assert.Contains("pourquoi l'événement est annulé", page.QuerySelector("#Reason-error").Text());
        Assert.Null(page.QuerySelector("#raison"));
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.True((await api.JsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(EventStatus.Published, (await app.EventAsync(id)).Status);
        Assert.Empty(app.CancellationMails());
    }

    [Fact]
    public async Task A_coaching_slot_is_cancelled_with_a_mail_about_the_appointment()
    {
        await using var app = await TestApp.StartAsync();
        var id = await app.CreateEventAsync(capacity: 1, kind: EventKind.Coaching, title: "Création d'entreprise", audience: EventAudience.Members);
        await app.SeedPeopleAsync(id, confirmed: 1);

        var api = await (await app.ApiClientAsync(TestApp.HostEmail)).PostJsonAsync($"/api/v1/events/{id}/cancellation", new { reason = "Le conseiller ne peut pas venir." });

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var mail = Assert.Single(app.CancellationMails());
        Assert.Equal("Rendez-vous annulé : Création d'entreprise", mail.Subject);
        Assert.Contains("Votre rendez-vous d'accompagnement", mail.TextBody);
        Assert.Contains("Le conseiller ne peut pas venir.", mail.TextBody);
    }

    [Fact]
    public async Task A_host_of_another_site_or_a_manager_of_another_network_cannot_cancel()
    {
        await using var app = await TestApp.StartAsync();
        var id = await app.CreateEventAsync(site: "luzech");
        await app.SeedPeopleAsync(id, confirmed: 1);
        var puyHost = await app.CreateUserAsync("accueil-puy@cotravail.test", Roles.Host);
        await app.WithDbAsync(async db =>
        {
            db.SiteHosts.Add(new SiteHost { SiteId = await db.Sites.Where(s => s.Slug == "puy-l-eveque").Select(s => s.Id).SingleAsync(), UserId = puyHost.Id });
            return await db.SaveChangesAsync();
        });
        var (_, _, otherManager) = await app.CreateOtherNetworkAsync();
        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);
        var otherHost = app.Browser();
        await otherHost.SignInAsync(puyHost.Email!);

        var page = await otherHost.GetAsync(new Uri($"/animation/{id}/annuler", UriKind.Relative));
        var byOtherHost = await (await app.ApiClientAsync(puyHost.Email!)).PostJsonAsync($"/api/v1/events/{id}/cancellation", new { reason = Reason });
        var byOtherNetwork = await (await app.ApiClientAsync(otherManager.Email!)).PostJsonAsync($"/api/v1/events/{id}/cancellation", new { reason = Reason });
        var byMember = await (await app.ApiClientAsync(TestApp.MemberEmail)).PostJsonAsync($"/api/v1/events/{id}/cancellation", new { reason = Reason });
        var unknown = await (await app.ApiClientAsync(TestApp.HostEmail)).PostJsonAsync("/api/v1/events/999999/cancellation", new { reason = Reason });

        Assert.True(page.StatusCode is HttpStatusCode.Forbidden || page.Headers.Location?.ToString().Contains("acces-refuse", StringComparison.Ordinal) == true,
            $"{(int)page.StatusCode} {page.Headers.Location}");
        Assert.Equal(HttpStatusCode.Forbidden, byOtherHost.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOtherNetwork.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(EventStatus.Published, (await app.EventAsync(id)).Status);
        Assert.Empty(app.CancellationMails());
    }

    [Fact]
    public async Task An_event_that_has_begun_cannot_be_cancelled()
    {
        await using var app = await TestApp.StartAsync();
        var id = await app.CreateEventAsync(startUtc: TestApp.DefaultNow.UtcDateTime.AddHours(-1));
        await app.SeedPeopleAsync(id, confirmed: 1);

        var api = await (await app.ApiClientAsync(TestApp.HostEmail)).PostJsonAsync($"/api/v1/events/{id}/cancellation", new { reason = Reason });

        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Contains("déjà commencé", (await api.JsonAsync()).GetProperty("title").GetString());
        Assert.Equal(EventStatus.Published, (await app.EventAsync(id)).Status);
        Assert.Empty(app.CancellationMails());
    }

    [Fact]
    public async Task A_registration_that_reaches_the_event_just_after_its_cancellation_takes_no_place()
    {
        await using var app = await TestApp.StartAsync();
        var id = await app.CreateEventAsync(capacity: 3);
        var cancel = await (await app.ApiClientAsync(TestApp.HostEmail)).PostJsonAsync($"/api/v1/events/{id}/cancellation", new { reason = Reason });
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);

        // A registration that found the event open, then waited for its row while the cancellation committed.
        var placed = true;
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var late = new Registration { EventId = id, Name = "En retard", Email = "retard@exemple.fr", CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime };
            await using var tx = await db.Database.BeginTransactionAsync();
            placed = await sp.GetRequiredService<EventPlaces>().PlaceAsync(late, waitlist: true, CancellationToken.None);
            await tx.CommitAsync();
        });

        Assert.False(placed);
        Assert.Empty(await app.RegistrationsAsync(id));
        Assert.Equal(0, (await app.EventAsync(id)).Registered);
    }

    private static string Antiforgery(AngleSharp.Dom.IDocument page) =>
        page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
}
