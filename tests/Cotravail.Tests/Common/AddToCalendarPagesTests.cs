using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Booking;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Events;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Common;

/// <summary>« Ajouter à mon agenda » on the private feed's page, on each booking and on each event; the .ics of each.</summary>
public sealed class AddToCalendarPagesTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Fact]
    public async Task The_feed_page_offers_webcal_Google_and_Outlook_and_keeps_the_address_to_copy()
    {
        var app = await apps.GetAsync();
        var browser = app.Browser();
        await browser.SignInAsync(TestApp.MemberEmail);
        var page = await browser.GetDocumentAsync("/mes-reservations/calendrier");
        var feed = page.QuerySelector("#feed-url")!;
        Assert.True(feed.HasAttribute("readonly"));
        var url = feed.GetAttribute("value")!;
        Assert.Matches("^http://localhost/calendrier/[0-9a-f]{48}\\.ics$", url);

        var links = page.QuerySelectorAll(".calendar-subscribe a").ToDictionary(a => a.Text(), a => a.GetAttribute("href")!, StringComparer.Ordinal);
        Assert.Equal("webcal" + url["http".Length..], links["Apple / autre (webcal)"]);
        Assert.Equal("https://calendar.google.com/calendar/render?cid=" + Uri.EscapeDataString("webcal" + url["http".Length..]), links["Google Agenda"]);
        Assert.Equal($"https://outlook.live.com/calendar/0/addfromweb?url={Uri.EscapeDataString(url)}&name={Uri.EscapeDataString("Cotravail – mes réservations")}", links["Outlook"]);

        // The copy button waits for copy.js (hidden without JavaScript); its status is announced.
        var copy = page.QuerySelector("button[data-copy=feed-url]")!;
        Assert.True(copy.HasAttribute("hidden"));
        Assert.Equal("Adresse copiée", page.QuerySelector("#" + copy.GetAttribute("data-copy-status"))!.GetAttribute("data-done"));
        Assert.Equal("status", page.QuerySelector("#feed-copied")!.GetAttribute("role"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/copy.js']"));
    }

    [Fact]
    public async Task Each_coming_booking_has_its_links_and_its_ics_is_for_its_owner_only()
    {
        var app = await apps.GetAsync();
        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);
        var id = await app.BookDeskThroughPagesAsync(member, "2026-12-04", "matin");

        // Just booked: the calendar links come with the confirmation, and again in the list.
        var mine = await member.GetDocumentAsync("/mes-reservations");
        var justBooked = mine.QuerySelector(".just-booked details.add-to-calendar")!;
        Assert.Contains("Ajouter à mon agenda", justBooked.QuerySelector("summary").Text(), StringComparison.Ordinal);
        var item = mine.QuerySelector($"#reservation-{id}")!;
        var links = item.QuerySelectorAll(".add-to-calendar a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal($"/mes-reservations/{id}.ics", links[0]);
        Assert.StartsWith("https://calendar.google.com/calendar/render?action=TEMPLATE&text=Espace%20partag%C3%A9%20%28matin%29", links[1], StringComparison.Ordinal);
        Assert.True(links[1].Contains("&dates=20261204T070000Z%2F20261204T120000Z", StringComparison.Ordinal), links[1]);
        Assert.Contains("&location=Tiers-lieu%20de%20Luzech", links[1], StringComparison.Ordinal);
        Assert.Contains("&startdt=2026-12-04T07%3A00%3A00Z&enddt=2026-12-04T12%3A00%3A00Z", links[2], StringComparison.Ordinal);
        Assert.Contains("la réservation Espace partagé du vendredi 4 décembre 2026", item.QuerySelector(".add-to-calendar summary").Text(), StringComparison.Ordinal);
        // Nothing is loaded from Google or Microsoft: only links.
        Assert.Empty(mine.QuerySelectorAll("[src*='google'], [src*='outlook'], link[href*='google']"));
        // A past booking offers nothing to add.
        Assert.All(mine.QuerySelectorAll("section[aria-labelledby=passees] .booking-item"), li => Assert.Null(li.QuerySelector(".add-to-calendar")));

        var ics = await member.GetAsync(new Uri($"/mes-reservations/{id}.ics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"reservation-{id}.ics", ics.Content.Headers.ContentDisposition?.FileNameStar ?? ics.Content.Headers.ContentDisposition?.FileName);
        var text = await ics.Content.ReadAsStringAsync();
        Assert.Contains("DTSTART:20261204T070000Z", text, StringComparison.Ordinal);
        Assert.Contains("Espace partagé (matin) – Tiers-lieu de Luzech", text, StringComparison.Ordinal);
        Assert.Equal(1, text.Split("BEGIN:VEVENT").Length - 1);

        await app.CreateUserAsync("voisine@cotravail.test");
        var other = app.Browser();
        await other.SignInAsync("voisine@cotravail.test");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/mes-reservations/{id}.ics", UriKind.Relative))).StatusCode);
        var anonymous = await app.Browser().GetAsync(new Uri($"/mes-reservations/{id}.ics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/compte/connexion", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(new Uri("/mes-reservations/999999.ics", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_event_page_offers_its_ics_and_links_and_a_members_only_event_stays_hidden_from_others()
    {
        var app = await apps.GetAsync();
        var (_, causse, causseManager) = await app.CreateOtherNetworkAsync();
        var luzech = await app.SiteAsync("luzech");
        var start = new DateTime(2026, 12, 10, 17, 0, 0, DateTimeKind.Utc);
        var (open, closed) = await app.WithDbAsync(async db =>
        {
            var e = NewEvent(luzech.Id, "Atelier : réparer son vélo & sa lampe", start, EventAudience.Public, causseManager.Id);
            e.Description = "Apportez **vos outils**.";
            var members = NewEvent(causse.Id, "Réunion des membres du Causse", start, EventAudience.Members, causseManager.Id);
            db.Events.AddRange(e, members);
            await db.SaveChangesAsync();
            return (e.Id, members.Id);
        });

        var page = await app.Browser().GetDocumentAsync($"/agenda/{open}");
        var links = page.QuerySelectorAll(".add-to-calendar a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal($"/agenda/{open}.ics", links[0]);
        Assert.Contains("text=Atelier%20%3A%20r%C3%A9parer%20son%20v%C3%A9lo%20%26%20sa%20lampe", links[1], StringComparison.Ordinal);
        Assert.Contains("dates=20261210T170000Z%2F20261210T190000Z", links[1], StringComparison.Ordinal);
        Assert.Contains("details=" + Uri.EscapeDataString($"http://localhost/agenda/{open}\n\nApportez vos outils."), links[1], StringComparison.Ordinal);
        Assert.StartsWith("https://outlook.live.com/calendar/0/deeplink/compose?", links[2], StringComparison.Ordinal);

        var ics = await app.CreateClient().GetAsync(new Uri($"/agenda/{open}.ics", UriKind.Relative));
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        var text = await ics.Content.ReadAsStringAsync();
        Assert.Contains("SUMMARY:Atelier : réparer son vélo & sa lampe", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261210T170000Z", text, StringComparison.Ordinal);

        // Members only, in another network: neither the page nor its .ics for a member of the demo network.
        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(new Uri($"/agenda/{closed}.ics", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync(new Uri($"/agenda/{closed}.ics", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync(new Uri("/agenda/999999.ics", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_past_or_cancelled_event_offers_nothing_to_add()
    {
        var app = await apps.GetAsync();
        var luzech = await app.SiteAsync("luzech");
        var manager = await app.WithDbAsync(db => db.Users.Where(u => u.Email == TestApp.ManagerEmail).Select(u => u.Id).SingleAsync());
        var (past, cancelled) = await app.WithDbAsync(async db =>
        {
            var p = NewEvent(luzech.Id, "Atelier d'hier", new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc), EventAudience.Public, manager);
            var c = NewEvent(luzech.Id, "Atelier annulé", new DateTime(2026, 12, 12, 9, 0, 0, DateTimeKind.Utc), EventAudience.Public, manager);
            c.Status = EventStatus.Cancelled;
            db.Events.AddRange(p, c);
            await db.SaveChangesAsync();
            return (p.Id, c.Id);
        });
        Assert.Null((await app.Browser().GetDocumentAsync($"/agenda/{past}")).QuerySelector(".add-to-calendar"));
        Assert.Null((await app.Browser().GetDocumentAsync($"/agenda/{cancelled}")).QuerySelector(".add-to-calendar"));
    }

    private static Event NewEvent(int siteId, string title, DateTime startUtc, EventAudience audience, string by) => new()
    {
        SiteId = siteId, Kind = EventKind.Workshop, Title = title, Description = title, StartUtc = startUtc, EndUtc = startUtc.AddHours(2),
        Capacity = 10, Audience = audience, OrganiserKind = OrganiserKind.Host, OrganiserName = "Tiers-lieu", Status = EventStatus.Published,
        CreatedByUserId = by, CreatedAtUtc = startUtc.AddDays(-30),
    };
}
