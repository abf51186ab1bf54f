using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Community;
using Cotravail.Web.Features.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Events;

/// <summary>« Mes inscriptions » and <c>GET /api/v1/me/registrations</c>: a member's events, waitlist places, coaching slots and « coups de main ».</summary>
public sealed class MyRegistrationsTests
{
    private const string Page = "/mes-inscriptions";
    private const string Api = "/api/v1/me/registrations";

    /// <summary>Friday 1 January 2027, 18:00–20:00 in Paris.</summary>
    private static readonly DateTime NewYearUtc = new(2027, 1, 1, 17, 0, 0, DateTimeKind.Utc);

    private static async Task<HttpResponseMessage> RegisterAsync(TestApp app, string email, int eventId)
    {
        var client = await app.ApiClientAsync(email);
        var response = await client.PostAsync(new Uri($"/api/v1/events/{eventId}/registrations", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response;
    }

    private static async Task<int> RegistrationIdAsync(TestApp app, int eventId, string userId) =>
        await app.WithDbAsync(db => db.EventRegistrations.Where(r => r.EventId == eventId && r.UserId == userId).Select(r => r.Id).SingleAsync());

    /// <summary>A « coup de main » at Luzech on Saturday 5 December 2026, 9:00–12:00, the member signed up.</summary>
    private static async Task<int> VolunteerAsync(TestApp app, string userId, string title = "Ouvrir l'espace samedi matin")
    {
        var taskId = await app.WithDbAsync(async db =>
        {
            var site = await db.Sites.SingleAsync(s => s.Slug == "luzech");
            var task = new HelpTask
            {
                SiteId = site.Id, Title = title, Date = new DateOnly(2026, 12, 5), Start = new TimeOnly(9, 0), End = new TimeOnly(12, 0),
                PeopleNeeded = 2, CreatedByUserId = userId, CreatedAtUtc = new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc),
            };
            db.HelpTasks.Add(task);
            await db.SaveChangesAsync();
            return task.Id;
        });
        await app.WithScopeAsync(async s =>
            Assert.Equal(SignupOutcome.SignedUp, await s.GetRequiredService<Volunteering>().SignUpAsync(taskId, userId, CancellationToken.None)));
        return taskId;
    }

    /// <summary>
    /// The member: third on the waitlist of a full workshop, a place at a talk on 1 January, a coaching slot, a « coup de
    /// main », and a workshop that is over.
    /// </summary>
    private static async Task<(string UserId, int Full, int Talk, int Coaching, int Task, int Past)> ArrangeAsync(TestApp app, string email)
    {
        var member = await app.CreateUserAsync(email);
        var full = await app.CreateEventAsync(capacity: 1, title: "Atelier complet");
        foreach (var other in new[] { "premiere@exemple.fr", "deuxieme@exemple.fr", "troisieme@exemple.fr" })
        {
            await app.CreateUserAsync(other);
            await RegisterAsync(app, other, full);
        }
        await RegisterAsync(app, email, full);
        var talk = await app.CreateEventAsync(title: "Conférence du nouvel an", kind: EventKind.Talk, startUtc: NewYearUtc);
        await RegisterAsync(app, email, talk);
        var coaching = await app.CreateEventAsync(capacity: 1, title: "Entretien conseil création", kind: EventKind.Coaching,
            startUtc: new DateTime(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc));
        await RegisterAsync(app, email, coaching);
        var task = await VolunteerAsync(app, member.Id);
        var past = await app.CreateEventAsync(title: "Atelier d'octobre", startUtc: new DateTime(2026, 10, 15, 16, 0, 0, DateTimeKind.Utc));
        await app.WithDbAsync(async db =>
        {
            db.EventRegistrations.Add(new Registration
            {
                EventId = past, UserId = member.Id, Name = member.DisplayName, Email = email, Status = RegistrationStatus.Confirmed,
                CreatedAtUtc = new DateTime(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
            return 0;
        });
        return (member.Id, full, talk, coaching, task, past);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_page_lists_events_with_the_waitlist_place_coaching_slots_and_volunteering_then_the_past(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, full, talk, coaching, task, past) = await ArrangeAsync(app, "lea@exemple.fr");
        var browser = app.Browser();
        await browser.SignInAsync("lea@exemple.fr");

        var page = await browser.GetDocumentAsync(Page);
        var upcoming = page.QuerySelectorAll("#inscriptions-a-venir > li").Select(li => li.Text()).ToList();
        Assert.Equal(4, upcoming.Count);
        // Soonest first: the coaching slot (3 December), the « coup de main » (5th), the full workshop (10th), the talk (1 January).
        Assert.Contains("Entretien conseil création", upcoming[0], StringComparison.Ordinal);
        Assert.Contains("Créneau réservé", upcoming[0], StringComparison.Ordinal);
        Assert.Contains("jeudi 3 décembre 2026, 10 h 00 – 12 h 00", upcoming[0], StringComparison.Ordinal);
        Assert.Contains("Ouvrir l'espace samedi matin", upcoming[1], StringComparison.Ordinal);
        Assert.Contains("samedi 5 décembre 2026, 9 h 00 – 12 h 00", upcoming[1], StringComparison.Ordinal);
        Assert.Contains("Coup de main", upcoming[1], StringComparison.Ordinal);
        Assert.Contains("Atelier complet", upcoming[2], StringComparison.Ordinal);
        Assert.Contains("3e sur la liste d'attente", upcoming[2], StringComparison.Ordinal);
        Assert.Contains("Tiers-lieu de Luzech", upcoming[2], StringComparison.Ordinal);
        Assert.Contains("Conférence du nouvel an", upcoming[3], StringComparison.Ordinal);
        Assert.Contains("vendredi 1er janvier 2027, 18 h 00 – 20 h 00", upcoming[3], StringComparison.Ordinal);
        Assert.Contains("Inscrit·e", upcoming[3], StringComparison.Ordinal);
        Assert.Equal([$"/agenda/{coaching}", $"/coups-de-main#coup-de-main-{task}", $"/agenda/{full}", $"/agenda/{talk}"],
            page.QuerySelectorAll("#inscriptions-a-venir > li h3 a").Select(a => a.GetAttribute("href")));
        Assert.Equal(4, page.QuerySelectorAll("#inscriptions-a-venir form button").Length);
        var pastItems = page.QuerySelectorAll("details #inscriptions-passees > li");
        Assert.Equal("Atelier d'octobre", Assert.Single(pastItems).QuerySelector("h3 a")!.TextContent);
        Assert.Empty(pastItems[0].QuerySelectorAll("form"));
        Assert.Equal($"/agenda/{past}", pastItems[0].QuerySelector("h3 a")!.GetAttribute("href"));

        // The first in line leaves the waitlist: the member moves up (the number given on joining does not).
        var first = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "deuxieme@exemple.fr").Select(u => u.Id).SingleAsync());
        await app.WithScopeAsync(async s => Assert.True(await s.GetRequiredService<RegistrationCommands>()
            .CancelAsync(await RegistrationIdAsync(app, full, first), CancellationToken.None)));
        var after = (await browser.GetDocumentAsync(Page)).QuerySelectorAll("#inscriptions-a-venir > li")[2].Text();
        Assert.Contains("2e sur la liste d'attente", after, StringComparison.Ordinal);

        var header = page.QuerySelector("header nav a[href='/mes-inscriptions']");
        Assert.Equal("Mes inscriptions", header?.TextContent);
    }

    [Fact]
    public async Task Cancelling_from_the_page_frees_the_place_promotes_the_waitlist_and_withdraws_from_a_coup_de_main()
    {
        await using var app = await TestApp.StartAsync();
        var member = await app.CreateUserAsync("paul@exemple.fr");
        var waiting = await app.CreateUserAsync("zoe@exemple.fr");
        var workshop = await app.CreateEventAsync(capacity: 1, title: "Atelier Canva");
        await RegisterAsync(app, member.Email!, workshop);
        await RegisterAsync(app, waiting.Email!, workshop);
        var task = await VolunteerAsync(app, member.Id);
        var browser = app.Browser();
        await browser.SignInAsync(member.Email!);
        var mine = await RegistrationIdAsync(app, workshop, member.Id);

        var response = await browser.SubmitFormAsync(Page, new Dictionary<string, string> { ["inscription"] = $"{mine}" }, postTo: Page + "?handler=Cancel");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await browser.GetDocumentAsync(Page);
        Assert.Contains("Votre inscription est annulée.", page.QuerySelector(".notice").Text(), StringComparison.Ordinal);
        var registrations = await app.RegistrationsAsync(workshop);
        Assert.Equal(RegistrationStatus.Cancelled, registrations.Single(r => r.UserId == member.Id).Status);
        Assert.Equal(RegistrationStatus.Confirmed, registrations.Single(r => r.UserId == waiting.Id).Status);
        Assert.Equal(1, (await app.EventAsync(workshop)).Registered);
        var mails = app.Mails();
        Assert.Contains(mails, m => m.To.ToString().Contains("paul@exemple.fr", StringComparison.Ordinal) && (m.Subject ?? "").Contains("annul", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(mails, m => m.To.ToString().Contains("zoe@exemple.fr", StringComparison.Ordinal) && (m.Subject ?? "").Contains("place", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Inscription annulée", page.QuerySelector("#inscriptions-passees")!.Text(), StringComparison.Ordinal);

        // Twice: nothing more changes, no second e-mail.
        var count = app.Mails().Count;
        await browser.SubmitFormAsync(Page, new Dictionary<string, string> { ["inscription"] = $"{mine}" }, postTo: Page + "?handler=Cancel");
        Assert.Contains("Cette inscription est déjà annulée.", (await browser.GetDocumentAsync(Page)).QuerySelector(".notice").Text(), StringComparison.Ordinal);
        Assert.Equal(count, app.Mails().Count);

        await browser.SubmitFormAsync(Page, new Dictionary<string, string> { ["coupDeMain"] = $"{task}" }, postTo: Page + "?handler=Withdraw");
        Assert.Equal(0, await app.WithDbAsync(db => db.HelpTasks.Where(t => t.Id == task).Select(t => t.SignedUp).SingleAsync()));
        var empty = await browser.GetDocumentAsync(Page);
        Assert.Contains("Aucune inscription à venir.", empty.QuerySelector("#a-venir + p").Text(), StringComparison.Ordinal);
        Assert.NotNull(empty.QuerySelector("main a[href='/agenda']"));
    }

    [Fact]
    public async Task Another_member_and_the_people_of_another_network_see_nothing_of_it_and_cannot_cancel_it()
    {
        await using var app = await TestApp.StartAsync();
        var (userId, full, talk, _, task, _) = await ArrangeAsync(app, "lea@exemple.fr");
        var (_, lalbenque, _) = await app.CreateOtherNetworkAsync();
        var causse = await app.CreateEventAsync(site: "lalbenque", title: "Atelier du Causse");
        await app.CreateUserAsync("causse@exemple.fr");
        await RegisterAsync(app, "causse@exemple.fr", causse);
        // A registration made without an account with the other member's address is not theirs on this page.
        await app.CreateUserAsync("marc@exemple.fr");
        await app.WithDbAsync(async db =>
        {
            db.EventRegistrations.Add(new Registration
            {
                EventId = talk, Name = "Quelqu'un d'autre", Email = "marc@exemple.fr", Status = RegistrationStatus.Confirmed,
                CreatedAtUtc = new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
            return 0;
        });

        var other = app.Browser();
        await other.SignInAsync("marc@exemple.fr");
        var page = await other.GetDocumentAsync(Page);
        Assert.Empty(page.QuerySelectorAll("main li.booking-item"));
        Assert.DoesNotContain("Conférence du nouvel an", page.Body.Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("main a[href='/agenda']"));
        var json = await (await (await app.ApiClientAsync("marc@exemple.fr")).GetAsync(new Uri(Api, UriKind.Relative))).JsonAsync();
        Assert.Equal(0, json.GetArrayLength());

        // Posting the member's ids changes nothing (the form's token taken from another page: this one has no form).
        var theirs = await RegistrationIdAsync(app, full, userId);
        await other.SubmitFormAsync("/coups-de-main", new Dictionary<string, string> { ["inscription"] = $"{theirs}" }, postTo: Page + "?handler=Cancel");
        Assert.Contains("Cette inscription n'existe pas (ou plus).", (await other.GetDocumentAsync(Page)).QuerySelector(".notice").Text(), StringComparison.Ordinal);
        await other.SubmitFormAsync("/coups-de-main", new Dictionary<string, string> { ["coupDeMain"] = $"{task}" }, postTo: Page + "?handler=Withdraw");
        Assert.Equal(RegistrationStatus.Waitlisted, (await app.RegistrationsAsync(full)).Single(r => r.Id == theirs).Status);
        Assert.Equal(1, await app.WithDbAsync(db => db.HelpSignups.CountAsync(s => s.TaskId == task)));

        // Network 2: their own registration only.
        var causseBrowser = app.Browser();
        await causseBrowser.SignInAsync("causse@exemple.fr");
        var theirPage = (await causseBrowser.GetDocumentAsync(Page)).Body.Text();
        Assert.Contains("Atelier du Causse", theirPage, StringComparison.Ordinal);
        Assert.Contains(lalbenque.Name, theirPage, StringComparison.Ordinal);
        foreach (var title in new[] { "Atelier complet", "Conférence du nouvel an", "Entretien conseil création", "Ouvrir l'espace samedi matin" })
        {
            Assert.DoesNotContain(title, theirPage, StringComparison.Ordinal);
        }
        var causseApi = await (await app.ApiClientAsync("causse@exemple.fr")).GetAsync(new Uri(Api, UriKind.Relative));
        Assert.Equal(["Atelier du Causse"], (await causseApi.JsonAsync()).EnumerateArray().Select(i => i.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task The_api_returns_the_same_in_local_time_with_offset_and_anonymous_people_are_sent_to_sign_in()
    {
        await using var app = await TestApp.StartAsync();
        var (userId, full, talk, coaching, task, past) = await ArrangeAsync(app, "lea@exemple.fr");
        var api = await app.ApiClientAsync("lea@exemple.fr");

        var response = await api.GetAsync(new Uri(Api, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(["coaching", "volunteering", "event", "event", "event"], items.Select(i => i.GetProperty("kind").GetString()));
        var registrationIds = new List<int>();
        foreach (var e in new[] { coaching, full, talk, past })
        {
            registrationIds.Add(await RegistrationIdAsync(app, e, userId));
        }
        Assert.Equal([registrationIds[0], task, registrationIds[1], registrationIds[2], registrationIds[3]],
            items.Select(i => i.GetProperty("id").GetInt32()));
        var waitlisted = items[2];
        Assert.Equal("waitlisted", waitlisted.GetProperty("status").GetString());
        Assert.Equal(3, waitlisted.GetProperty("waitlistPosition").GetInt32());
        Assert.Equal("2026-12-10T18:00:00+01:00", waitlisted.GetProperty("start").GetString());
        Assert.Equal(new DateTime(2026, 12, 10, 17, 0, 0, DateTimeKind.Utc), waitlisted.GetProperty("startUtc").GetDateTime().ToUniversalTime());
        Assert.Equal("Tiers-lieu de Luzech", waitlisted.GetProperty("siteName").GetString());
        Assert.EndsWith($"/agenda/{full}", waitlisted.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.EndsWith($"/api/v1/registrations/{waitlisted.GetProperty("id").GetInt32()}", waitlisted.GetProperty("cancelUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal("registered", items[0].GetProperty("status").GetString());
        Assert.Equal("signedUp", items[1].GetProperty("status").GetString());
        Assert.Equal("2026-12-05T09:00:00+01:00", items[1].GetProperty("start").GetString());
        Assert.False(items[4].GetProperty("upcoming").GetBoolean());
        Assert.True(items[4].GetProperty("cancelUrl").ValueKind == JsonValueKind.Null);

        // Cookies as well as tokens.
        var browser = app.Browser();
        await browser.SignInAsync("lea@exemple.fr");
        Assert.Equal(5, (await (await browser.GetAsync(new Uri(Api, UriKind.Relative))).JsonAsync()).GetArrayLength());

        var anonymous = app.Browser();
        var refused = await anonymous.GetAsync(new Uri(Api, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var signIn = await anonymous.GetAsync(new Uri(Page, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/compte/connexion", signIn.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Null((await anonymous.GetDocumentAsync("/agenda")).QuerySelector("header a[href='/mes-inscriptions']"));

        var openapi = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(openapi.GetProperty("paths").TryGetProperty(Api, out var path) && path.TryGetProperty("get", out _));
    }
}
