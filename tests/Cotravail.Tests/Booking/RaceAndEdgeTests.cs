using System.Net;
using System.Net.Http.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Booking;

/// <summary>Races and edges: double cancellations, a client gone after the commit, dates at the end of the calendar.</summary>
public sealed class RaceAndEdgeTests
{
    private static Task<int> ResourceAsync(TestApp app, string site, string name) =>
        app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == site && r.Name == name).Select(r => r.Id).SingleAsync());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Eight_cancellations_of_one_booking_at_once_free_its_place_once(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var desks = await ResourceAsync(app, "puy-l-eveque", "Espace partagé"); // 4 desks
        var members = await app.NewMembersAsync(6);
        var body = new { resourceId = desks, date = "2026-12-03", period = "day" };
        var id = (await (await members[0].PostJsonAsync("/api/v1/bookings", body)).JsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Created, (await members[1].PostJsonAsync("/api/v1/bookings", body)).StatusCode);

        using var start = new ManualResetEventSlim();
        var cancels = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return (await members[0].DeleteAsync(new Uri($"/api/v1/bookings/{id}", UriKind.Relative))).StatusCode;
        })).ToList();
        start.Set();
        var statuses = await Task.WhenAll(cancels);

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(7, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(1, (await app.WithDbAsync(db => db.DeskDays.SingleAsync(d => d.ResourceId == desks))).Morning);
        foreach (var m in members.Skip(2))
        {
            await m.PostJsonAsync("/api/v1/bookings", body);
        }
        Assert.Equal(4, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.ResourceId == desks && b.Status == BookingStatus.Confirmed)));
    }

    [Fact]
    public async Task A_failure_after_the_commit_neither_fails_the_booking_nor_books_again_on_retry()
    {
        await using var first = await TestApp.StartAsync();
        var failing = new FailOnceCacheStore();
        await using var app = first.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IOutputCacheStore>(failing)));
        var client = app.CreateClient();
        var login = await client.PostAsJsonAsync(new Uri("/api/v1/auth/login", UriKind.Relative), new { email = TestApp.MemberEmail, password = TestApp.DemoPassword });
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString());
        var desks = await ResourceAsync(first, "luzech", "Espace partagé");
        var body = new { resourceId = desks, date = "2026-12-03", period = "day" };

        var created = await client.PostJsonAsync("/api/v1/bookings", body, "cle-abandon");
        var retry = await client.PostJsonAsync("/api/v1/bookings", body, "cle-abandon");

        Assert.True(failing.Failed);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal((await created.JsonAsync()).GetProperty("id").GetInt32(), (await retry.JsonAsync()).GetProperty("id").GetInt32());
    }

    [Theory]
    [InlineData("?from=9999-12-31&to=9999-12-31", "from")]
    [InlineData("?from=9999-12-30", "from")]
    [InlineData("?from=2026-12-01&to=0001-01-01", "to")]
    public async Task Availability_at_the_end_of_the_calendar_answers_400(string query, string field)
    {
        await using var app = await TestApp.StartAsync();
        var site = await app.WithDbAsync(db => db.Sites.Where(s => s.Slug == "luzech").Select(s => s.Id).SingleAsync());
        var response = await app.CreateClient().GetAsync(new Uri($"/api/v1/sites/{site}/availability{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_series_at_the_end_of_the_calendar_or_with_repeated_days_is_refused()
    {
        await using var app = await TestApp.StartAsync();
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await ResourceAsync(app, "luzech", "Espace partagé");
        var far = await member.PostJsonAsync("/api/v1/booking-series/preview",
            new { resourceId = desks, weekdays = new[] { "monday" }, everyWeeks = 1, from = "9999-12-20", count = 26, period = "day" });
        Assert.Equal(HttpStatusCode.BadRequest, far.StatusCode);
        var repeated = await member.PostJsonAsync("/api/v1/booking-series",
            new { resourceId = desks, weekdays = Enumerable.Repeat("wednesday", 40).ToArray(), everyWeeks = 1, from = "2026-12-02", count = 2, period = "day" });
        Assert.Equal(HttpStatusCode.BadRequest, repeated.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task Opening_hours_off_the_half_hour_are_refused()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.SignInAsync(TestApp.ManagerEmail);
        var luzech = await app.SiteAsync("luzech");
        string[] days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        var hours = new Dictionary<string, string>();
        for (var i = 0; i < 7; i++)
        {
            hours[$"Days[{i}].Day"] = days[i];
            hours[$"Days[{i}].Open"] = "true";
            hours[$"Days[{i}].Opens"] = i == 0 ? "08:45" : "08:00";
            hours[$"Days[{i}].Closes"] = "22:00";
        }
        var page = await (await client.SubmitFormAsync($"/gestion/espaces/{luzech.Id}/horaires", hours)).ParseAsync();
        Assert.StartsWith("À l'heure pile ou à la demie", page.QuerySelector("#Days_0__Opens-error").Text(), StringComparison.Ordinal);
        Assert.All((await app.SiteAsync("luzech")).OpeningHours, h => Assert.Equal(new TimeOnly(8, 0), h.Opens));
    }

    [Fact]
    public void Two_ranges_of_a_day_show_their_free_slots()
    {
        var site = new Site { Id = 1, TimeZone = "Europe/Paris", ClosedOnPublicHolidays = false };
        site.Resources.Add(new Resource { Id = 7, SiteId = 1, Kind = ResourceKind.MeetingRoom, Name = "Salle", Capacity = 6 });
        site.OpeningHours.Add(new OpeningHours { Day = DayOfWeek.Thursday, Opens = new(9, 0), Closes = new(12, 30), Opens2 = new(14, 0), Closes2 = new(18, 0) });
        var date = new DateOnly(2026, 12, 3);
        BookedSlot[] slots = [new() { ResourceId = 7, StartUtc = new DateTime(2026, 12, 3, 8, 0, 0, DateTimeKind.Utc) }]; // 09:00-09:30
        var day = Availability.Compute(site, date, date, [], slots, new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc)).Resources[0].Days[0];
        Assert.Equal(["09:30-12:30", "14:00-18:00"], day.FreeSlots!.Select(f => $"{f.Start}-{f.End}"));
    }

    private sealed class FailOnceCacheStore : IOutputCacheStore
    {
        private int _calls;

        public bool Failed => _calls > 0;

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) == 1
                ? throw new OperationCanceledException("the client went away")
                : ValueTask.CompletedTask;

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}

public sealed class IdempotencyCleanupTests
{
    [Fact]
    public async Task Answers_kept_for_retries_are_forgotten_after_a_week()
    {
        await using var app = await TestApp.StartAsync();
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == "luzech" && r.Name == "Espace partagé").Select(r => r.Id).SingleAsync());
        await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "day" }, "cle-ancienne");

        var now = TestApp.DefaultNow.UtcDateTime;
        Assert.Equal(0, await app.WithDbAsync(db => Web.Common.Idempotency.IdempotencyCleanup.DeleteExpiredAsync(db, now.AddDays(6), CancellationToken.None)));
        Assert.Equal(1, await app.WithDbAsync(db => Web.Common.Idempotency.IdempotencyCleanup.DeleteExpiredAsync(db, now.AddDays(8), CancellationToken.None)));
    }
}
