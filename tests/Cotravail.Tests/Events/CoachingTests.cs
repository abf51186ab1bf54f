using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Events;

public sealed class CoachingTests
{
    [Fact]
    public async Task An_adviser_offers_45_minute_slots_a_member_books_one_and_the_adviser_sees_it()
    {
        await using var app = await TestApp.StartAsync();
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);
        var opened = await host.SubmitFormAsync("/animation/accompagnement", new Dictionary<string, string>
        {
            ["Input.SiteId"] = $"{(await app.SiteAsync("luzech")).Id}", ["Input.Title"] = "Accompagnement création d'entreprise",
            ["Input.Adviser"] = "Julien Lafon", ["Input.Date"] = "2026-12-08", ["Input.From"] = "09:00", ["Input.Until"] = "12:00",
            ["Input.Minutes"] = "45",
        });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var slots = await app.WithDbAsync(db => db.Events.AsNoTracking().OrderBy(e => e.StartUtc).ToListAsync());
        Assert.Equal(4, slots.Count); // 9:00, 9:45, 10:30, 11:15
        Assert.All(slots, s => Assert.Equal((EventKind.Coaching, 1, EventAudience.Members), (s.Kind, s.Capacity, s.Audience)));
        Assert.Equal(new DateTime(2026, 12, 8, 10, 15, 0), slots[3].StartUtc);

        var first = await app.ApiClientAsync(TestApp.MemberEmail);
        Assert.Equal(HttpStatusCode.Created, (await first.PostJsonAsync($"/api/v1/events/{slots[0].Id}/registrations", new { })).StatusCode);
        var second = (await app.NewMembersAsync(1))[0];
        var taken = await second.PostJsonAsync($"/api/v1/events/{slots[0].Id}/registrations", new { });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("Ce créneau est déjà pris : choisissez-en un autre.", (await taken.JsonAsync()).GetProperty("title").GetString());
        Assert.Single(await app.RegistrationsAsync(slots[0].Id)); // no waitlist for a one-to-one slot

        var agenda = await host.GetDocumentAsync("/animation/mon-agenda");
        var rows = agenda.QuerySelectorAll("#creneaux tbody tr").Select(r => r.Text()).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal("mardi 8 décembre 2026, 9 h 00 – 9 h 45 Tiers-lieu de Luzech Sophie Martin (membre@cotravail.test)", rows[0]);
        Assert.EndsWith("Libre", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slots_that_do_not_fit_between_start_and_end_are_refused()
    {
        await using var app = await TestApp.StartAsync();
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);
        var page = await (await host.SubmitFormAsync("/animation/accompagnement", new Dictionary<string, string>
        {
            ["Input.SiteId"] = $"{(await app.SiteAsync("luzech")).Id}", ["Input.Title"] = "Accompagnement", ["Input.Adviser"] = "Julien",
            ["Input.Date"] = "2026-12-08", ["Input.From"] = "09:00", ["Input.Until"] = "09:30", ["Input.Minutes"] = "45",
        })).ParseAsync();

        Assert.Equal("Il faut au moins la durée d'un créneau entre le début et la fin.", page.QuerySelector("#Input_Until-error").Text());
        Assert.Equal(0, await app.WithDbAsync(db => db.Events.CountAsync()));
    }
}
