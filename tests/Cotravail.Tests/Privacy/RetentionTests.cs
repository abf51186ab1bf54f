using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Privacy;

public sealed class RetentionTests
{
    private const string Email = "ancienne@exemple.fr";

    private static async Task<RetentionJob.RunResult> RunAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunAsync(CancellationToken.None);
    }

    private static List<string> SubjectsTo(TestApp app, string address) =>
        [.. app.Mails().Where(m => m.To.Mailboxes.Any(a => a.Address == address)).Select(m => m.Subject ?? "")];

    private static int Warnings(TestApp app) => SubjectsTo(app, Email).Count(s => s == "Votre compte Cotravail va être supprimé");

    private static Task<bool> ErasedAsync(TestApp app, string userId) =>
        app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == userId && u.Email!.EndsWith("@" + Cotravail.Web.Features.Accounts.Tombstones.Domain)));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_account_unused_for_three_years_is_warned_once_then_deleted_after_the_grace_period(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, PrivacySteps.NoWorkers);
        var user = await app.CreateUserAsync(Email);
        await app.ApiClientAsync(Email); // signs in on 1 December 2026

        app.Clock.SetUtcNow(new DateTimeOffset(2029, 11, 28, 8, 0, 0, TimeSpan.Zero)); // not quite three years
        await RunAsync(app);
        Assert.Equal(0, Warnings(app));

        app.Clock.SetUtcNow(new DateTimeOffset(2029, 12, 2, 8, 0, 0, TimeSpan.Zero));
        await RunAsync(app);
        await RunAsync(app); // a second run, or another instance, sends nothing more
        Assert.Equal(1, Warnings(app));
        Assert.False(await ErasedAsync(app, user.Id));

        app.Clock.Advance(TimeSpan.FromDays(29));
        await RunAsync(app);
        Assert.False(await ErasedAsync(app, user.Id));

        app.Clock.Advance(TimeSpan.FromDays(2));
        await RunAsync(app);
        Assert.True(await ErasedAsync(app, user.Id));
        Assert.Equal(1, Warnings(app));
        Assert.Contains("Votre compte Cotravail a été supprimé", SubjectsTo(app, Email));
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == Email)));
    }

    [Fact]
    public async Task Signing_in_after_the_warning_keeps_the_account_and_a_later_inactivity_warns_again()
    {
        await using var app = await TestApp.StartAsync(settings: PrivacySteps.NoWorkers);
        var user = await app.CreateUserAsync(Email);
        app.Clock.SetUtcNow(new DateTimeOffset(2029, 12, 2, 8, 0, 0, TimeSpan.Zero));
        await RunAsync(app);
        Assert.Equal(1, Warnings(app));

        app.Clock.Advance(TimeSpan.FromDays(10));
        await app.ApiClientAsync(Email); // the person signs in: the account is in use
        app.Clock.Advance(TimeSpan.FromDays(30));
        await RunAsync(app);
        Assert.False(await ErasedAsync(app, user.Id));
        Assert.Null(await app.WithDbAsync(db => db.AccountActivities.Where(a => a.UserId == user.Id).Select(a => a.RetentionWarnedAtUtc).SingleAsync()));

        app.Clock.Advance(TimeSpan.FromDays(3 * 365));
        await RunAsync(app);
        Assert.Equal(2, Warnings(app));
    }

    [Fact]
    public async Task A_booking_after_the_warning_keeps_the_account_too()
    {
        await using var app = await TestApp.StartAsync(settings: PrivacySteps.NoWorkers);
        var user = await app.CreateUserAsync(Email);
        app.Clock.SetUtcNow(new DateTimeOffset(2029, 12, 3, 8, 0, 0, TimeSpan.Zero));
        await RunAsync(app);
        Assert.Equal(1, Warnings(app));
        // A host books for the person (no sign-in of theirs): it counts as activity.
        await app.WithDbAsync(async db =>
        {
            var desk = await db.Resources.FirstAsync();
            db.Bookings.Add(new Cotravail.Web.Features.Booking.Booking
            {
                SiteId = desk.SiteId, ResourceId = desk.Id, UserId = user.Id, Date = new DateOnly(2029, 12, 10),
                StartUtc = new DateTime(2029, 12, 10, 8, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2029, 12, 10, 17, 0, 0, DateTimeKind.Utc),
                CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime.AddDays(1),
            });
            return await db.SaveChangesAsync();
        });
        app.Clock.Advance(TimeSpan.FromDays(31));
        await RunAsync(app);
        Assert.False(await ErasedAsync(app, user.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Four_runs_at_once_as_on_four_instances_send_one_warning_and_delete_once(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, PrivacySteps.NoWorkers);
        await app.CreateUserAsync(Email);
        app.Clock.SetUtcNow(new DateTimeOffset(2029, 12, 2, 8, 0, 0, TimeSpan.Zero));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => RunAsync(app))));
        Assert.Equal(1, Warnings(app));

        app.Clock.Advance(TimeSpan.FromDays(31));
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => RunAsync(app))));
        // Each inactive account (the demo member and host too) is deleted by exactly one of the runs.
        var tombstones = await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email!.EndsWith("@" + Cotravail.Web.Features.Accounts.Tombstones.Domain)));
        Assert.Equal(tombstones, runs.Sum(r => r.Erased));
        Assert.True(tombstones >= 1);
        Assert.Single(SubjectsTo(app, Email), s => s == "Votre compte Cotravail a été supprimé");
    }
}
