using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Observatory.Aggregates;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Observatory;

public sealed class DemoActivityTests
{
    private static readonly Dictionary<string, string?> WithActivity = new() { ["Demo:Activity"] = "true" };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_first_run_shows_a_year_of_activity_at_every_site_and_month_without_overbooking(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, WithActivity);
        var manager = await app.ApiClientAsync(TestApp.ManagerEmail);

        var set = await manager.GetFromJsonAsync<JsonElement>("/api/v1/observatory/indicators?from=2025-12-01&to=2026-11-30");
        var months = set.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(3 * 12, months.Count);
        Assert.All(months, m =>
        {
            Assert.True(m.GetProperty("visits").GetInt32() > 0, $"{m}");
            Assert.True(m.GetProperty("distinctVisitors").GetInt32() > 0, $"{m}");
            Assert.True(m.GetProperty("deskDaysUsedTenths").GetInt32() > 0, $"{m}");
            Assert.True(m.GetProperty("eventsHeld").GetInt32() > 0, $"{m}");
            Assert.True(m.GetProperty("participants").GetInt32() > 0, $"{m}");
            Assert.True(m.GetProperty("helpSignups").GetInt32() > 0, $"{m}");
        });
        Assert.Contains(months, m => m.GetProperty("regularVisitors").GetInt32() > 0);
        Assert.Contains(months, m => m.GetProperty("occasionalVisitors").GetInt32() > 0);
        var origins = set.GetProperty("origins").EnumerateArray().ToList();
        // The brief's postcodes come first; most demo people chose their commune, the others are known by postcode only.
        Assert.Contains(origins[0].GetProperty("postcode").GetString(), new[] { "46140", "46700", "46220" });
        var luzechPostcode = origins.Where(o => o.GetProperty("postcode").GetString() == "46140").ToList();
        // 46140 is Luzech's and eight other communes' postcode: without a chosen commune none of them is taken for all.
        Assert.Contains(luzechPostcode, o => o.GetProperty("insee").ValueKind == JsonValueKind.Null
            && o.GetProperty("commune").ValueKind == JsonValueKind.Null
            && o.GetProperty("label").GetString()!.StartsWith("46140 — Albas, Anglars-Juillac, Bélaye et ", StringComparison.Ordinal));
        Assert.Contains(luzechPostcode, o => o.GetProperty("insee").GetString() is { } insee
            && o.GetProperty("label").GetString() == $"{o.GetProperty("commune").GetString()} (46140)" && insee.StartsWith("46", StringComparison.Ordinal));
        Assert.Contains(set.GetProperty("revenue").EnumerateArray(), r => r.GetProperty("product").GetString() == "Pass journée" && r.GetProperty("cents").GetInt32() > 0);
        Assert.True(set.GetProperty("newMembers").GetInt32() > 0);

        await app.WithDbAsync(async db =>
        {
            var sites = await db.Sites.Include(s => s.Resources).ToListAsync();
            // The agenda looks ahead too: each site has events in the coming weeks, people already registered.
            var now = app.Clock.GetUtcNow().UtcDateTime;
            foreach (var site in sites)
            {
                var coming = await db.Events.Where(e => e.SiteId == site.Id && e.StartUtc > now && e.StartUtc < now.AddDays(7 * 6 + 2)).ToListAsync();
                Assert.Equal(3, coming.Count);
                Assert.All(coming, e => Assert.InRange(e.Registered, 0, e.Capacity));
            }
            var overbooked = await db.DeskDays.ToListAsync();
            foreach (var day in overbooked)
            {
                var capacity = sites.SelectMany(s => s.Resources).Single(r => r.Id == day.ResourceId).Capacity;
                Assert.InRange(day.Morning, 0, capacity);
            }
            // Every active booking is counted once in its desk's day counter, with the walk-ins who took a desk.
            var booked = await db.Bookings.CountAsync(b => b.Status == BookingStatus.Confirmed);
            var walkIns = await db.Visits.CountAsync(v => v.BookingId == null);
            Assert.Equal(booked + walkIns, overbooked.Sum(d => d.Morning));
            // One gap-free series per year.
            foreach (var year in (await db.Invoices.Select(i => new { i.Year, i.Sequence, i.IssuedAtUtc }).ToListAsync()).GroupBy(i => i.Year))
            {
                var ordered = year.OrderBy(i => i.Sequence).ToList();
                Assert.Equal(Enumerable.Range(1, ordered.Count), ordered.Select(i => i.Sequence));
                Assert.Equal(ordered.Select(i => i.IssuedAtUtc).Order(), ordered.Select(i => i.IssuedAtUtc));
                Assert.Equal(ordered.Count, (await db.InvoiceSequences.SingleAsync(s => s.Year == year.Key)).Last);
            }
            return 0;
        });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_counters_kept_by_the_database_equal_a_rebuild_after_visits_are_removed_moved_and_bookings_cancelled(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, WithActivity);
        var manager = await app.ApiClientAsync(TestApp.ManagerEmail);
        const string Url = "/api/v1/observatory/indicators?from=2025-12-01&to=2026-11-30";
        var before = await manager.GetStringAsync(new Uri(Url, UriKind.Relative));

        await app.WithDbAsync(async db =>
        {
            var visits = await db.Visits.OrderBy(v => v.Id).Take(40).ToListAsync();
            db.Visits.RemoveRange(visits.Take(20));
            foreach (var v in visits.Skip(20))
            {
                (v.Date, v.Postcode) = (v.Date.AddMonths(1), "46090");
            }
            await db.SaveChangesAsync();
            await db.DeskDays.Where(d => d.Date.Month == 3).ExecuteUpdateAsync(s => s.SetProperty(d => d.Morning, d => d.Morning - 1));
            return 0;
        });
        var changed = await manager.GetStringAsync(new Uri(Url, UriKind.Relative));
        Assert.NotEqual(before, changed);

        await app.WithDbAsync(async db =>
        {
            await ObservatoryAggregates.RebuildAsync(db);
            return 0;
        });
        Assert.Equal(changed, await manager.GetStringAsync(new Uri(Url, UriKind.Relative)));
    }
}
