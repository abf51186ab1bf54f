using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Events;

public sealed class ReminderTests
{
    private static readonly Dictionary<string, string?> NoWorker = new() { ["Events:Reminders"] = "false" };

    private static async Task<int> RunAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EventReminders>().SendDueAsync(CancellationToken.None);
    }

    private static List<MimeKit.MimeMessage> Reminders(TestApp app) => [.. app.Mails().Where(m => (m.Subject ?? "").StartsWith("Rappel", StringComparison.Ordinal))];

    [Fact]
    public async Task Each_person_holding_a_place_gets_one_reminder_the_day_before_even_across_restarts()
    {
        await using var app = await TestApp.StartAsync(settings: NoWorker);
        var id = await app.CreateEventAsync(capacity: 2);
        foreach (var m in await app.NewMembersAsync(3))
        {
            await m.PostJsonAsync($"/api/v1/events/{id}/registrations", new { });
        }

        Assert.Equal(0, await RunAsync(app)); // 1 December: too early
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 18, 0, 0, TimeSpan.Zero)); // the day before, 19:00 in Paris
        Assert.Equal(2, await RunAsync(app));
        Assert.Equal(0, await RunAsync(app)); // a second run, or another instance, sends nothing more

        var reminders = Reminders(app);
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, r => Assert.Equal("Rappel : Atelier numérique", r.Subject));
        Assert.All(reminders, r => EventSteps.LinkTo(r, "/agenda/inscription/annuler"));
        var people = await app.RegistrationsAsync(id);
        Assert.All(people.Where(p => p.Status == RegistrationStatus.Confirmed), p => Assert.NotNull(p.ReminderSentAtUtc));
        Assert.Null(people.Single(p => p.Status == RegistrationStatus.Waitlisted).ReminderSentAtUtc);
    }

    [Fact]
    public async Task A_reminder_claimed_by_a_run_that_stopped_is_sent_once_its_lease_has_expired()
    {
        await using var app = await TestApp.StartAsync(settings: NoWorker);
        var id = await app.CreateEventAsync();
        await (await app.ApiClientAsync(TestApp.MemberEmail)).PostJsonAsync($"/api/v1/events/{id}/registrations", new { });
        var dayBefore = new DateTime(2026, 12, 9, 18, 0, 0, DateTimeKind.Utc);
        app.Clock.SetUtcNow(dayBefore);
        // An instance claimed it a minute ago, then stopped before sending.
        await app.WithDbAsync(db => db.EventRegistrations.ExecuteUpdateAsync(s => s
            .SetProperty(r => r.ReminderClaimedUntilUtc, dayBefore.AddMinutes(9)).SetProperty(r => r.ReminderClaimId, Guid.NewGuid())));

        Assert.Equal(0, await RunAsync(app));
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await RunAsync(app));
        Assert.Single(Reminders(app));
    }

    [Fact]
    public async Task Someone_registering_the_day_before_gets_no_separate_reminder()
    {
        await using var app = await TestApp.StartAsync(settings: NoWorker, now: new DateTimeOffset(2026, 12, 9, 20, 0, 0, TimeSpan.Zero));
        await (await app.ApiClientAsync(TestApp.MemberEmail)).PostJsonAsync($"/api/v1/events/{await app.CreateEventAsync()}/registrations", new { });

        Assert.Equal(0, await RunAsync(app));
        Assert.Empty(Reminders(app));
    }

    [Fact]
    public async Task The_background_job_sends_the_reminders_by_itself()
    {
        await using var app = await TestApp.StartAsync();
        var id = await app.CreateEventAsync();
        await (await app.ApiClientAsync(TestApp.MemberEmail)).PostJsonAsync($"/api/v1/events/{id}/registrations", new { });

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 18, 0, 0, TimeSpan.Zero));
        for (var i = 0; i < 100 && (await app.RegistrationsAsync(id)).Single().ReminderSentAtUtc is null; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(5));
            await Task.Delay(50);
        }

        Assert.Single(Reminders(app));
    }
}
