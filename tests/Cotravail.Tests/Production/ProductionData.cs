using System.Net;
using Cotravail.Tests.Booking;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Reception;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Production;

/// <summary>A network that has lived a little: bookings, arrivals at the desk, the month invoiced — what a backup must keep.</summary>
internal static class ProductionData
{
    public static Task<TestApp> StartAsync(string provider) =>
        TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Reception:NoShows"] = "false", ["Events:Reminders"] = "false" }, ReceptionSteps.EarlyMorning);

    /// <summary>Four members book today and on Thursday, arrive today, and December is invoiced on 2 January.</summary>
    public static async Task LiveAsync(TestApp app)
    {
        var members = await app.NewMembersAsync(4);
        var bookings = new List<int>();
        foreach (var member in members)
        {
            bookings.Add(await app.BookDeskTodayAsync(member));
            var later = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = await app.ResourceAsync("luzech", "Espace partagé"), date = "2026-12-03", period = "morning" });
            Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        }
        app.AtParis(9);
        var host = await app.ApiClientAsync(TestApp.HostEmail);
        var luzech = await app.SiteIdAsync("luzech");
        foreach (var id in bookings)
        {
            Assert.Equal(HttpStatusCode.Created, (await host.PostJsonAsync($"/api/v1/sites/{luzech}/checkins", new { bookingId = id })).StatusCode);
        }
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 2, 9, 0, 0, TimeSpan.Zero));
        await using var scope = app.Services.CreateAsyncScope();
        var network = await app.WithDbAsync(db => db.Networks.Where(n => n.Slug == DemoData.NetworkSlug).Select(n => n.Id).SingleAsync());
        var invoices = await scope.ServiceProvider.GetRequiredService<MonthlyInvoicing>().RunAsync(network, 2026, 12, CancellationToken.None);
        Assert.NotEmpty(invoices);
    }

    /// <summary>What a person would look for after a restore: every booking, invoice and visit, as lines of text.</summary>
    public static async Task<Snapshot> SnapshotAsync(AppDbContext db) => new(
        await db.Bookings.AsNoTracking().OrderBy(b => b.Id).Select(b => $"{b.Id} {b.UserId} {b.ResourceId} {b.Date} {b.Period} {b.Status} {b.PriceCents}").ToListAsync(),
        await db.Invoices.AsNoTracking().OrderBy(i => i.Id).Select(i => $"{i.Id} {i.Number} {i.ClientName} {i.TotalInclTaxCents}").ToListAsync(),
        await db.Visits.AsNoTracking().OrderBy(v => v.Id).Select(v => $"{v.Id} {v.BookingId} {v.SiteId}").ToListAsync());

    public static Task<Snapshot> SnapshotAsync(TestApp app) => app.WithDbAsync(SnapshotAsync);

    public static SqliteAppDbContext Sqlite(string connectionString) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connectionString).Options);

    public static PostgresAppDbContext Postgres(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString).Options);

    /// <summary>The folder of the repository (where ops/ is), found from the test's own folder.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cotravail.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Cotravail.slnx not found above " + AppContext.BaseDirectory);
    }
}

internal sealed record Snapshot(IReadOnlyList<string> Bookings, IReadOnlyList<string> Invoices, IReadOnlyList<string> Visits);

/// <summary>Two snapshots are equal when they list the same lines in the same order.</summary>
internal sealed class SnapshotComparer : IEqualityComparer<Snapshot>
{
    public bool Equals(Snapshot? x, Snapshot? y) =>
        x is not null && y is not null && x.Bookings.SequenceEqual(y.Bookings) && x.Invoices.SequenceEqual(y.Invoices) && x.Visits.SequenceEqual(y.Visits);

    public int GetHashCode(Snapshot obj) => obj.Bookings.Count;
}
