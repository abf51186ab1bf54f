using System.Net;
using System.Text.Json;
using Cotravail.Tests.Booking;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Reception;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Reception;

internal static class ReceptionSteps
{
    /// <summary>Tuesday 1 December 2026, 07:00 in Paris: before the day's bookings start.</summary>
    public static readonly DateTimeOffset EarlyMorning = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    public static readonly Dictionary<string, string?> NoWorker = new() { ["Reception:NoShows"] = "false" };

    public static Task<TestApp> StartAsync(string provider = "Sqlite") => TestApp.StartAsync(provider, NoWorker, EarlyMorning);

    /// <summary>Books a desk at Luzech today for the client's member and returns the booking id.</summary>
    public static async Task<int> BookDeskTodayAsync(this TestApp app, HttpClient member, string period = "day", string site = "luzech")
    {
        var desks = await app.ResourceAsync(site, "Espace partagé");
        var response = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-01", period });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    public static Task<int> SiteIdAsync(this TestApp app, string slug) =>
        app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            System.Linq.Queryable.Select(System.Linq.Queryable.Where(db.Sites, s => s.Slug == slug), s => s.Id)));

    public static async Task<int> RunNoShowsAsync(this TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NoShows>().RunDueAsync(CancellationToken.None);
    }

    public static async Task<string> Title(this HttpResponseMessage response) =>
        (await response.JsonAsync()).GetProperty("title").GetString() ?? "";

    public static void AtParis(this TestApp app, int hour, int minute = 0) =>
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, hour - 1, minute, 0, TimeSpan.Zero));

    public static JsonElement Find(this JsonElement array, Func<JsonElement, bool> match) => array.EnumerateArray().First(match);
}
