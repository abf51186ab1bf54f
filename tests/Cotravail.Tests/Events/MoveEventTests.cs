using System.Net;
using System.Net.Http.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Features.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Events;

/// <summary>A host moves an event: the people registered are asked to confirm the new date, keep their place until they answer, and may give it to the waitlist.</summary>
public sealed class MoveEventTests
{
    private const string Nbsp = "\u00a0";
    private static readonly Dictionary<string, string?> NoWorker = new() { ["Events:Reminders"] = "false" };

    private static Dictionary<string, string> Form(string date, string start = "18:00", string end = "20:00") => new()
    {
        ["Input.Date"] = date, ["Input.StartTime"] = start, ["Input.EndTime"] = end, ["Input.EndDate"] = "",
    };

    /// <summary>Two places taken, one person waiting.</summary>
    private static async Task<int> FullEventAsync(TestApp app)
    {
        var id = await app.CreateEventAsync(capacity: 2);
        foreach (var m in await app.NewMembersAsync(3))
        {
            await m.PostJsonAsync($"/api/v1/events/{id}/registrations", new { });
        }
        return id;
    }

    private static async Task<HttpClient> HostAsync(TestApp app)
    {
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);
        return host;
    }

    [Fact]
    public async Task Registrants_get_both_dates_and_keep_their_place_while_the_waitlist_is_told_and_confirming_keeps_it()
    {
        await using var app = await TestApp.StartAsync(settings: NoWorker);
        var id = await FullEventAsync(app);
        var before = await app.RegistrationsAsync(id);
        var sentBefore = app.Mails().Count;
        var host = await HostAsync(app);

        // First the summary: nothing moves yet.
        var summary = await (await host.SubmitFormAsync($"/animation/{id}/deplacer", Form("2027-02-01"))).ParseAsync();
        Assert.Contains("lundi 1er février 2027, 18 h 00", summary.QuerySelector("#resume").Text(), StringComparison.Ordinal);
        Assert.Equal(EventSteps.DefaultStartUtc, (await app.EventAsync(id)).StartUtc);

        var confirm = Form("2027-02-01");
        confirm["Confirm"] = "true";
        var done = await host.SubmitFormAsync($"/animation/{id}/deplacer", confirm);

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var e = await app.EventAsync(id);
        Assert.Equal(new DateTime(2027, 2, 1, 17, 0, 0), e.StartUtc);
        Assert.Equal(new DateTime(2027, 2, 1, 19, 0, 0), e.EndUtc);
        Assert.Equal(2, e.Registered);
        var after = await app.RegistrationsAsync(id);
        Assert.Equal([RegistrationStatus.ToConfirm, RegistrationStatus.ToConfirm, RegistrationStatus.Waitlisted], after.Select(r => r.Status));
        var moved = app.Mails().Skip(sentBefore).Where(m => m.Subject == "Nouvelle date : Atelier numérique").ToList();
        Assert.Equal(3, moved.Count);
        var first = moved.Single(m => m.To.Mailboxes.Single().Address == before[0].Email);
        Assert.Contains($"Ancienne date : jeudi 10 décembre 2026, 18{Nbsp}h{Nbsp}00 – 20{Nbsp}h{Nbsp}00", first.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Nouvelle date : lundi 1er février 2027, 18{Nbsp}h{Nbsp}00 – 20{Nbsp}h{Nbsp}00", first.TextBody, StringComparison.Ordinal);
        Assert.Contains("Je confirme", first.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Je ne peux plus venir", first.HtmlBody, StringComparison.Ordinal);
        var waiting = moved.Single(m => m.To.Mailboxes.Single().Address == before[2].Email);
        Assert.Contains("Nouvelle date : lundi 1er février 2027", waiting.TextBody, StringComparison.Ordinal);
        Assert.Contains("position 1 sur la liste d'attente", waiting.TextBody, StringComparison.Ordinal);

        var participants = await host.GetDocumentAsync($"/animation/{id}/participants");
        Assert.Equal(2, participants.QuerySelectorAll("#inscrits tbody tr").Count(tr => tr.Text().Contains("nouvelle date à confirmer", StringComparison.Ordinal)));

        var visitor = app.Browser();
        var reconfirm = EventSteps.LinkTo(first, "/agenda/inscription/nouvelle-date");
        var page = await (await visitor.SubmitFormAsync(reconfirm, new Dictionary<string, string>())).ParseAsync();
        Assert.Equal("Merci ! Votre place est confirmée pour la nouvelle date.", page.QuerySelector(".notice").Text());
        Assert.Equal(RegistrationStatus.Confirmed, (await app.RegistrationsAsync(id))[0].Status);
        Assert.Equal(2, (await app.EventAsync(id)).Registered);
    }

    [Fact]
    public async Task I_cannot_come_any_more_frees_the_place_for_the_first_in_line()
    {
        await using var app = await TestApp.StartAsync(settings: NoWorker);
        var id = await FullEventAsync(app);
        var before = await app.RegistrationsAsync(id);
        var host = await HostAsync(app);
        var confirm = Form("2026-12-17");
        confirm["Confirm"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await host.SubmitFormAsync($"/animation/{id}/deplacer", confirm)).StatusCode);

        var mail = app.Mails().Single(m => m.Subject == "Nouvelle date : Atelier numérique" && m.To.Mailboxes.Single().Address == before[1].Email);
        var decline = EventSteps.LinkTo(mail, "/agenda/inscription/annuler");
        await app.Browser().SubmitFormAsync(decline, new Dictionary<string, string>());

        var after = await app.RegistrationsAsync(id);
        Assert.Equal([RegistrationStatus.ToConfirm, RegistrationStatus.Cancelled, RegistrationStatus.Confirmed], after.Select(r => r.Status));
        Assert.Equal(2, (await app.EventAsync(id)).Registered);
        var promoted = app.Mails().Single(m => m.Subject == "Une place s'est libérée : Atelier numérique");
        Assert.Equal(before[2].Email, promoted.To.Mailboxes.Single().Address);
        Assert.Contains($"jeudi 17 décembre 2026, 18{Nbsp}h{Nbsp}00", promoted.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_answer_by_the_close_of_registrations_the_place_goes_to_the_waitlist()
    {
        await using var app = await TestApp.StartAsync(settings: NoWorker);
        var id = await FullEventAsync(app);
        var host = await HostAsync(app);
        var confirm = Form("2026-12-17");
        confirm["Confirm"] = "true";
        await host.SubmitFormAsync($"/animation/{id}/deplacer", confirm);
        var first = (await app.RegistrationsAsync(id))[0];
        await app.Browser().SubmitFormAsync(EventSteps.LinkTo(app.Mails().Single(m => m.Subject == "Nouvelle date : Atelier numérique"
            && m.To.Mailboxes.Single().Address == first.Email), "/agenda/inscription/nouvelle-date"), new Dictionary<string, string>());

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 17, 14, 59, 0, TimeSpan.Zero)); // a minute before registrations close (16:00 in Paris)
        Assert.Equal(0, await ReleaseAsync(app));
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 17, 15, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await ReleaseAsync(app));
        Assert.Equal(0, await ReleaseAsync(app));

        var after = await app.RegistrationsAsync(id);
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Cancelled, RegistrationStatus.Confirmed], after.Select(r => r.Status));
        Assert.Equal(2, (await app.EventAsync(id)).Registered);
        Assert.Single(app.Mails(), m => m.Subject == "Place libérée : Atelier numérique" && m.To.Mailboxes.Single().Address == after[1].Email);
        Assert.Single(app.Mails(), m => m.Subject == "Une place s'est libérée : Atelier numérique" && m.To.Mailboxes.Single().Address == after[2].Email);
    }

    private static async Task<int> ReleaseAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Cotravail.Web.Features.Events.Moving.MoveDeadline>().ReleaseExpiredAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("2026-12-17", "06:00", "08:00", "#Input_StartTime-error", "L'événement doit commencer et finir pendant les heures d'ouverture de l'espace (8 h 00 – 22 h 00) : choisissez d'autres heures.")]
    [InlineData("2026-12-25", "18:00", "20:00", "#Input_Date-error", "L'espace est fermé le vendredi 25 décembre 2026 (Noël) : choisissez un autre jour.")]
    [InlineData("2026-11-30", "18:00", "20:00", "#Input_Date-error", "La date est passée : choisissez une date à venir.")]
    [InlineData("2026-12-10", "18:00", "20:00", "#Input_Date-error", "L'événement a déjà lieu à cette date et à ces heures : choisissez-en d'autres.")]
    [InlineData("2026-12-17", "20:00", "18:00", "#Input_EndTime-error", "La fin doit être après le début.")]
    public async Task A_time_the_site_is_closed_or_that_is_not_a_move_is_refused_and_nothing_changes(string date, string start, string end, string field, string message)
    {
        await using var app = await TestApp.StartAsync(settings: NoWorker);
        var id = await FullEventAsync(app);
        var sent = app.Mails().Count;
        var host = await HostAsync(app);
        var form = Form(date, start, end);
        form["Confirm"] = "true";

        var page = await (await host.SubmitFormAsync($"/animation/{id}/deplacer", form)).ParseAsync();

        Assert.Equal(message, page.QuerySelector(field).Text());
        Assert.Equal(EventSteps.DefaultStartUtc, (await app.EventAsync(id)).StartUtc);
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted], (await app.RegistrationsAsync(id)).Select(r => r.Status));
        Assert.Equal(sent, app.Mails().Count);
    }

    [Fact]
    public async Task A_cancelled_or_past_event_cannot_move_and_the_api_says_why()
    {
        await using var app = await TestApp.StartAsync(settings: NoWorker);
        var cancelled = await app.CreateEventAsync(status: EventStatus.Cancelled);
        var past = await app.CreateEventAsync(startUtc: new DateTime(2026, 11, 20, 17, 0, 0, DateTimeKind.Utc));
        var host = await HostAsync(app);

        var page = await host.GetDocumentAsync($"/animation/{cancelled}/deplacer");
        Assert.Equal("Cet événement est annulé : il ne peut plus être déplacé.", page.QuerySelector("#refus").Text());
        Assert.Null(page.QuerySelector("#Input_Date"));

        var api = await app.ApiClientAsync(TestApp.HostEmail);
        var response = await api.PostJsonAsync($"/api/v1/events/{past}/move", new { date = "2026-12-17", startTime = "18:00", endTime = "20:00" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Cet événement a déjà commencé ou est passé : il ne peut plus être déplacé.", (await response.JsonAsync()).GetProperty("title").GetString());
        Assert.Equal(new DateTime(2026, 11, 20, 17, 0, 0), (await app.EventAsync(past)).StartUtc);
    }

    [Fact]
    public async Task The_api_moves_an_event_and_a_second_identical_call_changes_nothing_and_mails_nobody_again()
    {
        await using var app = await TestApp.StartAsync(settings: NoWorker);
        var id = await FullEventAsync(app);
        var api = await app.ApiClientAsync(TestApp.HostEmail);
        var body = new { date = "2026-12-17", startTime = "18:00", endTime = "20:00" };

        var response = await api.PostJsonAsync($"/api/v1/events/{id}/move", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(2, json.GetProperty("askedToConfirm").GetInt32());
        Assert.Equal(1, json.GetProperty("waitlistTold").GetInt32());
        Assert.Equal("2026-12-17T18:00", json.GetProperty("event").GetProperty("start").GetString());
        var mails = app.Mails().Count;

        var again = await api.PostJsonAsync($"/api/v1/events/{id}/move", body);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(mails, app.Mails().Count);
        var bad = await api.PostJsonAsync($"/api/v1/events/{id}/move", new { date = "17/12/2026", startTime = "6h", endTime = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("date", out _));
        Assert.True(errors.TryGetProperty("startTime", out _));
    }

    [Fact]
    public async Task The_public_calendar_feed_and_the_reminders_follow_the_new_time()
    {
        await using var app = await TestApp.StartAsync(settings: NoWorker);
        var id = await app.CreateEventAsync(capacity: 5, startUtc: new DateTime(2026, 12, 3, 17, 0, 0, DateTimeKind.Utc));
        var member = (await app.NewMembersAsync(1))[0];
        await member.PostJsonAsync($"/api/v1/events/{id}/registrations", new { });
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 18, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await RemindAsync(app)); // the day before the 3rd

        var api = await app.ApiClientAsync(TestApp.HostEmail);
        Assert.Equal(HttpStatusCode.OK, (await api.PostJsonAsync($"/api/v1/events/{id}/move", new { date = "2026-12-10", startTime = "18:00", endTime = "20:00" })).StatusCode);
        var registration = (await app.RegistrationsAsync(id)).Single();
        await app.Browser().SubmitFormAsync(EventSteps.LinkTo(app.Mails().Single(m => m.Subject == "Nouvelle date : Atelier numérique"),
            "/agenda/inscription/nouvelle-date"), new Dictionary<string, string>());

        var ics = await (await app.CreateClient().GetAsync(new Uri("/agenda.ics?espace=luzech", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("DTSTART:20261210T170000Z", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("DTSTART:20261203T170000Z", ics, StringComparison.Ordinal);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 16, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await RemindAsync(app)); // the old date: nothing
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 18, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await RemindAsync(app)); // the day before the new date, again
        Assert.Equal(2, app.Mails().Count(m => m.Subject == "Rappel : Atelier numérique" && m.To.Mailboxes.Single().Address == registration.Email));
    }

    private static async Task<int> RemindAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EventReminders>().SendDueAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_host_of_another_site_or_the_manager_of_another_network_cannot_move_it()
    {
        await using var app = await TestApp.StartAsync(settings: NoWorker);
        var id = await app.CreateEventAsync(site: "puy-l-eveque");
        await app.CreateOtherNetworkAsync();
        var body = new { date = "2026-12-17", startTime = "18:00", endTime = "20:00" };

        var host = await HostAsync(app); // hosts Luzech only
        var denied = await host.GetAsync(new Uri($"/animation/{id}/deplacer", UriKind.Relative));
        Assert.Contains("/compte/acces-refuse", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync(TestApp.HostEmail)).PostJsonAsync($"/api/v1/events/{id}/move", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync("gestion@causse.test")).PostJsonAsync($"/api/v1/events/{id}/move", body)).StatusCode);
        Assert.Equal(EventSteps.DefaultStartUtc, (await app.EventAsync(id)).StartUtc);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiClientAsync(TestApp.ManagerEmail)).PostJsonAsync($"/api/v1/events/{id}/move", body)).StatusCode);
    }
}
