using System.Net;
using Cotravail.Tests.Accounts;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Production;

/// <summary>Several instances behind a load balancer share one PostgreSQL and nothing that matters lives in one of them.</summary>
public sealed class MultiInstanceTests(TwoInstances cluster) : IClassFixture<TwoInstances>
{
    [PostgresFact]
    public async Task Both_instances_answer_on_their_own_port_and_the_database_was_set_up_once()
    {
        Assert.NotEqual(cluster.A.Address.Port, cluster.B.Address.Port);
        foreach (var node in cluster.Both)
        {
            Assert.True(IPAddress.IsLoopback(IPAddress.Parse(node.Address.Host)));
            using var client = node.Client();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        }
        // Seeded by one of them while the other waited: one demo network, three demo accounts.
        Assert.Equal(1, await cluster.WithDbAsync(db => db.Networks.CountAsync(n => n.Slug == Cotravail.Web.Data.DemoData.NetworkSlug)));
        Assert.Equal(3, await cluster.WithDbAsync(db => db.Users.CountAsync(u => u.Email!.EndsWith("@cotravail.test"))));
        // One data-protection key, made by the first and read by the second: cookies of either are read by both.
        Assert.Equal(1, await cluster.WithDbAsync(db => db.DataProtectionKeys.CountAsync()));
    }

    [PostgresFact]
    public async Task A_member_signed_in_on_one_instance_is_signed_in_on_the_other()
    {
        var cookies = new CookieContainer();
        using var onA = cluster.A.Client(cookies);
        using var onB = cluster.B.Client(cookies);

        var signIn = await onA.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains(cookies.GetAllCookies(), c => c.Name == "cotravail.auth");

        var page = await onB.GetDocumentAsync("/mes-reservations"); // 200, not the sign-in page: B reads A's cookie
        Assert.Equal("Mes réservations", page.QuerySelector("h1").Text());
        Assert.NotNull(page.QuerySelector("form[action='/compte/deconnexion']"));

        // A form served by A is accepted by B (its antiforgery token too): signing out there works.
        var fromA = await onA.GetDocumentAsync("/mes-reservations");
        var token = fromA.QuerySelector("form[action='/compte/deconnexion'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var signOut = await onB.PostAsync(new Uri("/compte/deconnexion", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await onA.GetAsync(new Uri("/mes-reservations", UriKind.Relative))).StatusCode);

        // And a stranger without the cookie is sent to the sign-in page there.
        using var stranger = cluster.B.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync(new Uri("/mes-reservations", UriKind.Relative))).StatusCode);
    }

    [PostgresFact]
    public async Task Forty_members_at_once_on_both_instances_for_the_last_three_desks_three_get_one()
    {
        var desks = await cluster.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == "puy-l-eveque" && r.Name == "Espace partagé").Select(r => r.Id).SingleAsync());
        var members = await cluster.MembersAsync(41);
        var body = new { resourceId = desks, date = "2026-12-03", period = "day" };
        Assert.Equal(HttpStatusCode.Created, (await members[0].PostJsonAsync("/api/v1/bookings", body)).StatusCode); // 4 desks: 3 left

        using var start = new ManualResetEventSlim();
        var tasks = members.Skip(1).Select(m => Task.Run(async () =>
        {
            start.Wait();
            return (await m.PostJsonAsync("/api/v1/bookings", body)).StatusCode;
        })).ToList();
        start.Set();
        var statuses = await Task.WhenAll(tasks);

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(37, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(4, await cluster.WithDbAsync(db => db.Bookings.CountAsync(b => b.ResourceId == desks && b.Date == new DateOnly(2026, 12, 3))));
        var day = await cluster.WithDbAsync(db => db.DeskDays.AsNoTracking().SingleAsync(d => d.ResourceId == desks && d.Date == new DateOnly(2026, 12, 3)));
        Assert.Equal(4, day.Morning);
        Assert.Equal(4, day.Afternoon);
    }

    [PostgresFact]
    public async Task A_due_reminder_seen_by_the_jobs_of_both_instances_is_sent_once()
    {
        // Twelve people registered more than a day ahead; an hour later the event is less than 24 hours away.
        var eventId = await CreateEventAsync("Café numérique", cluster.Clock.GetUtcNow().UtcDateTime.AddHours(25));
        await RegisterAsync(eventId, 12);

        // The reminder jobs of A and B both wake up (every minute here) and find the same twelve reminders due.
        cluster.Clock.Advance(TimeSpan.FromHours(1));
        for (var i = 0; i < 300 && await UnsentAsync(eventId) > 0; i++)
        {
            await Task.Delay(100);
        }
        Assert.Equal(0, await UnsentAsync(eventId));
        // More runs on both at once, as if the jobs fired again: nothing is left to send.
        var again = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => RunRemindersAsync(cluster.Both[i % 2])));
        Assert.All(again, sent => Assert.Equal(0, sent));

        var reminders = cluster.Mails().Where(m => m.Subject == "Rappel : Café numérique").ToList();
        Assert.Equal(12, reminders.Count);
        Assert.Equal(12, reminders.Select(m => m.To.Mailboxes.Single().Address).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [PostgresFact]
    public async Task Reminders_claimed_by_many_runs_at_once_on_both_instances_go_out_once_each()
    {
        var eventId = await CreateEventAsync("Atelier tableur", cluster.Clock.GetUtcNow().UtcDateTime.AddHours(25));
        await RegisterAsync(eventId, 16);
        // Due an hour later: the jobs of both instances wake up, and twelve more runs race them for the same reminders.
        cluster.Clock.Advance(TimeSpan.FromHours(1));

        using var go = new ManualResetEventSlim();
        var runs = Enumerable.Range(0, 12).Select(i => Task.Run(async () => { go.Wait(); return await RunRemindersAsync(cluster.Both[i % 2]); })).ToList();
        go.Set();
        var sent = await Task.WhenAll(runs);

        Assert.InRange(sent.Sum(), 0, 16);
        for (var i = 0; i < 300 && await UnsentAsync(eventId) > 0; i++)
        {
            await Task.Delay(100);
        }
        Assert.Equal(0, await UnsentAsync(eventId));
        Assert.Equal(16, cluster.Mails().Count(m => m.Subject == "Rappel : Atelier tableur"));
    }

    [PostgresFact]
    public async Task Mails_written_on_one_instance_go_out_once_each_while_both_send_at_once()
    {
        await using (var scope = cluster.A.Services.CreateAsyncScope())
        {
            var mail = scope.ServiceProvider.GetRequiredService<Cotravail.Web.Common.Mail.IMailSender>();
            for (var i = 0; i < 250; i++)
            {
                await mail.SendAsync(new Cotravail.Web.Common.Mail.OutgoingMail($"lot{i}@exemple.fr", "Lettre du réseau", "Bonjour"));
            }
        }
        // A's dispatcher has been woken up; both dispatchers run again at once, several times, racing it.
        using var go = new ManualResetEventSlim();
        var runs = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            go.Wait();
            return await cluster.Both[i % 2].Services.GetRequiredService<Cotravail.Web.Common.Mail.MailDispatcher>().DeliverDueAsync(CancellationToken.None);
        })).ToList();
        go.Set();
        await Task.WhenAll(runs);

        var letters = cluster.Mails().Where(m => m.Subject == "Lettre du réseau").Select(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.Equal(250, letters.Count);
        Assert.Equal(250, letters.Distinct(StringComparer.Ordinal).Count());
        Assert.False(await cluster.WithDbAsync(db => db.OutboxMails.AnyAsync(m => m.To.StartsWith("lot"))));
    }

    private Task<int> CreateEventAsync(string title, DateTime startUtc) => cluster.WithDbAsync(async db =>
    {
        var siteId = await db.Sites.Where(s => s.Slug == "luzech").Select(s => s.Id).SingleAsync();
        var e = new Event
        {
            SiteId = siteId, Title = title, Kind = EventKind.Workshop, Audience = EventAudience.Public, Status = EventStatus.Published,
            Capacity = 30, StartUtc = startUtc, EndUtc = startUtc.AddHours(2), OrganiserName = "Julien Lafon",
            Description = "Pour tous.", CreatedAtUtc = startUtc.AddDays(-30),
        };
        db.Events.Add(e);
        await db.SaveChangesAsync();
        return e.Id;
    });

    private async Task RegisterAsync(int eventId, int people)
    {
        foreach (var m in await cluster.MembersAsync(people))
        {
            Assert.Equal(HttpStatusCode.Created, (await m.PostJsonAsync($"/api/v1/events/{eventId}/registrations", new { })).StatusCode);
        }
        Assert.Equal(people, await UnsentAsync(eventId));
    }

    private Task<int> UnsentAsync(int eventId) =>
        cluster.WithDbAsync(db => db.EventRegistrations.CountAsync(r => r.EventId == eventId && r.Status == RegistrationStatus.Confirmed && r.ReminderSentAtUtc == null));

    private static async Task<int> RunRemindersAsync(ClusterNode node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EventReminders>().SendDueAsync(CancellationToken.None);
    }
}
