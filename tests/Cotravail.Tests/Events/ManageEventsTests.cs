using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Events;

public sealed class ManageEventsTests
{
    private static Dictionary<string, string> Form(int siteId, string date = "2027-01-05", string start = "18:00", string end = "20:00") => new()
    {
        ["Input.SiteId"] = $"{siteId}", ["Input.Kind"] = "Training", ["Input.Title"] = "Café numérique",
        ["Input.Description"] = "Un moment pour **apprendre**.", ["Input.Date"] = date, ["Input.StartTime"] = start,
        ["Input.EndTime"] = end, ["Input.Capacity"] = "10", ["Input.Price"] = "", ["Input.Audience"] = "Public",
        ["Input.OrganiserKind"] = "Partner", ["Input.OrganiserName"] = "CCI du Lot", ["Input.Tags"] = "numérique, emploi",
        ["Input.RegistrationCloseHours"] = "2", ["Input.Repeat"] = "None", ["Input.Occurrences"] = "1", ["Input.Publish"] = "true",
    };

    [Fact]
    public async Task A_host_creates_an_event_every_first_Tuesday_as_separate_published_dates()
    {
        await using var app = await TestApp.StartAsync();
        var luzech = (await app.SiteAsync("luzech")).Id;
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);
        var form = Form(luzech);
        form["Input.Repeat"] = "MonthlyByWeekday";
        form["Input.Occurrences"] = "3";

        var response = await host.SubmitFormAsync("/animation/nouveau", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var events = await app.WithDbAsync(db => db.Events.AsNoTracking().OrderBy(e => e.StartUtc).ToListAsync());
        Assert.Equal(3, events.Count);
        Assert.Equal([new DateTime(2027, 1, 5, 17, 0, 0), new DateTime(2027, 2, 2, 17, 0, 0), new DateTime(2027, 3, 2, 17, 0, 0)], events.Select(e => e.StartUtc));
        Assert.All(events, e => Assert.Equal(EventStatus.Published, e.Status));
        Assert.Single(events.Select(e => e.SeriesId).Distinct());
        Assert.Equal("numérique, emploi", events[0].Tags);
        var agenda = await app.Browser().GetDocumentAsync("/agenda?mois=2027-02");
        Assert.Equal("Café numérique", agenda.QuerySelector(".events h3").Text());
    }

    [Fact]
    public async Task An_event_ending_before_it_starts_is_refused_next_to_the_field()
    {
        await using var app = await TestApp.StartAsync();
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);

        var page = await (await host.SubmitFormAsync("/animation/nouveau", Form((await app.SiteAsync("luzech")).Id, start: "18:00", end: "17:00"))).ParseAsync();

        Assert.Equal("La fin doit être après le début.", page.QuerySelector("#Input_EndTime-error").Text());
        Assert.Equal(0, await app.WithDbAsync(db => db.Events.CountAsync()));
    }

    [Fact]
    public async Task A_host_cannot_create_or_edit_events_of_a_site_they_do_not_staff()
    {
        await using var app = await TestApp.StartAsync();
        var puy = (await app.SiteAsync("puy-l-eveque")).Id;
        var id = await app.CreateEventAsync(site: "puy-l-eveque");
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);

        var page = await (await host.SubmitFormAsync("/animation/nouveau", Form(puy))).ParseAsync();

        Assert.Equal("Choisissez un espace dont vous animez l'agenda.", page.QuerySelector("#Input_SiteId-error").Text());
        var denied = await host.GetAsync(new Uri($"/animation/{id}", UriKind.Relative));
        Assert.Contains("/compte/acces-refuse", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync(new Uri("/animation", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Capacity_cannot_drop_below_the_people_registered_and_a_larger_one_calls_in_the_waitlist()
    {
        await using var app = await TestApp.StartAsync();
        var id = await app.CreateEventAsync(capacity: 2);
        foreach (var m in await app.NewMembersAsync(3))
        {
            await m.PostJsonAsync($"/api/v1/events/{id}/registrations", new { });
        }
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);
        var form = Form((await app.SiteAsync("luzech")).Id, date: "2026-12-10");
        form.Remove("Input.Repeat");
        form.Remove("Input.Occurrences");

        form["Input.Capacity"] = "1";
        var refused = await (await host.SubmitFormAsync($"/animation/{id}", form)).ParseAsync();
        Assert.Equal("2 personnes ont déjà une place : le nombre de places ne peut pas descendre en dessous.", refused.QuerySelector("#Input_Capacity-error").Text());
        Assert.Equal(2, (await app.EventAsync(id)).Capacity);

        form["Input.Capacity"] = "3";
        Assert.Equal(HttpStatusCode.Redirect, (await host.SubmitFormAsync($"/animation/{id}", form)).StatusCode);
        var e = await app.EventAsync(id);
        Assert.Equal(3, e.Registered);
        Assert.Equal("Café numérique", e.Title);
        Assert.Single(app.Mails(), m => m.Subject == "Une place s'est libérée : Café numérique");

        // A new date is never given silently to people registered: the page sends the host to « Déplacer l'événement ».
        var sent = app.Mails().Count;
        form["Input.Date"] = "2026-12-11";
        var moved = await (await host.SubmitFormAsync($"/animation/{id}", form)).ParseAsync();
        Assert.StartsWith("Des personnes sont inscrites : pour changer la date ou l'heure, utilisez « Déplacer l'événement »", moved.QuerySelector("#Input_Date-error").Text(), StringComparison.Ordinal);
        Assert.Equal(EventSteps.DefaultStartUtc, (await app.EventAsync(id)).StartUtc);
        Assert.Equal(sent, app.Mails().Count);
        Assert.NotNull((await host.GetDocumentAsync($"/animation/{id}")).QuerySelector($"a#deplacer[href='/animation/{id}/deplacer']"));
    }
}
