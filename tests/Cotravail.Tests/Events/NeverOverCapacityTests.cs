using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Events;

namespace Cotravail.Tests.Events;

/// <summary>Places are guarded by the database: concurrent registrations never take more places than there are.</summary>
public sealed class NeverOverCapacityTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Forty_members_at_once_for_five_places_five_register_and_thirty_five_wait_in_arrival_order(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Events:Reminders"] = "false" });
        var id = await app.CreateEventAsync(capacity: 5);
        var members = await app.NewMembersAsync(40);

        using var start = new ManualResetEventSlim();
        var tasks = members.Select(m => Task.Run(async () =>
        {
            start.Wait();
            return (await m.PostJsonAsync($"/api/v1/events/{id}/registrations", new { })).StatusCode;
        })).ToList();
        start.Set();
        var statuses = await Task.WhenAll(tasks);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));
        var registrations = await app.RegistrationsAsync(id);
        Assert.Equal(5, registrations.Count(r => r.Status == RegistrationStatus.Confirmed));
        var waiting = registrations.Where(r => r.Status == RegistrationStatus.Waitlisted).ToList();
        Assert.Equal(35, waiting.Count);
        // Positions 1 to 35, given in the order the registrations were written.
        Assert.Equal(Enumerable.Range(1, 35), waiting.Select(r => r.WaitlistPosition!.Value));
        var e = await app.EventAsync(id);
        Assert.Equal(5, e.Registered);
        Assert.Equal(0, e.Remaining);
    }
}
