using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Events;

namespace Cotravail.Tests.Events;

/// <summary>Two hosts confirming the same cancellation at once: one cancels, the other is told it is done; one e-mail each.</summary>
public sealed class EventCancellationRaceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_hosts_cancelling_at_once_cancel_once_and_each_person_gets_one_mail(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Events:Reminders"] = "false" });
        var id = await app.CreateEventAsync(capacity: 4);
        await app.SeedPeopleAsync(id, confirmed: 4, waitlisted: 2);
        var staff = new[]
        {
            await app.ApiClientAsync(TestApp.HostEmail), await app.ApiClientAsync(TestApp.ManagerEmail),
            await app.ApiClientAsync(TestApp.HostEmail), await app.ApiClientAsync(TestApp.ManagerEmail),
        };

        using var start = new ManualResetEventSlim();
        var tasks = staff.Select((client, i) => Task.Run(async () =>
        {
            start.Wait();
            return (await client.PostJsonAsync($"/api/v1/events/{id}/cancellation", new { reason = $"Raison {i}" })).StatusCode;
        })).ToList();
        start.Set();
        var statuses = await Task.WhenAll(tasks);

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.Conflict));
        var mails = app.CancellationMails();
        Assert.Equal(6, mails.Count);
        Assert.Equal(6, mails.Select(m => m.To()).Distinct().Count());
        var e = await app.EventAsync(id);
        Assert.Equal(EventStatus.Cancelled, e.Status);
        Assert.Equal(0, e.Registered);
        Assert.All(mails, m => Assert.Contains(e.CancellationReason!, m.TextBody));
        Assert.All(await app.RegistrationsAsync(id), r => Assert.Equal(RegistrationStatus.Cancelled, r.Status));
    }
}
