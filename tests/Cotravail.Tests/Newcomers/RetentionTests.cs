using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Newcomers;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Newcomers;

/// <summary>Requests are kept three years after the last exchange, then only what the indicators count remains.</summary>
public sealed class RetentionTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Three_years_after_the_last_exchange_a_request_keeps_only_its_counts(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var sent = await app.CreateClient().PostJsonAsync("/api/v1/newcomer-requests", new
        {
            kind = "person", name = "Lucie Ferrand", email = "lucie.ferrand@exemple.fr", project = "relocation",
            originPostcode = "69003", needs = new[] { "desk" }, message = "Nous arrivons de Lyon au printemps.",
        });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var now = TestApp.DefaultNow.UtcDateTime;
        Task<NewcomerRequest> MineAsync() => app.WithDbAsync(db => db.Set<NewcomerRequest>().AsNoTracking().SingleAsync(r => r.Department == "69"));
        var id = (await MineAsync()).Id;
        Task<int> RunAsync(DateTime at) => app.WithDbAsync(db => NewcomerRetention.AnonymiseStaleAsync(db, at, CancellationToken.None));

        await RunAsync(now.AddYears(2));
        Assert.Equal("Lucie Ferrand", (await MineAsync()).Name);
        // A manager's note a year later: the three years count from it.
        await app.WithDbAsync(db =>
        {
            db.Set<RequestEntry>().Add(new RequestEntry { RequestId = id, Kind = EntryKind.Note, Text = "Rappelée.", ByName = "Gestion", AtUtc = now.AddYears(1) });
            return db.SaveChangesAsync();
        });
        await RunAsync(now.AddYears(3).AddDays(30));
        Assert.Equal("lucie.ferrand@exemple.fr", (await MineAsync()).Email);

        await RunAsync(now.AddYears(4).AddDays(30));
        var kept = await MineAsync();
        Assert.Equal(NewcomersPersonalData.AnonymousRequest, kept.Name);
        Assert.Null(kept.Email);
        Assert.Null(kept.Message);
        Assert.Null(kept.OriginPostcode);
        Assert.Equal(("69", "Auvergne-Rhône-Alpes"), (kept.Department, kept.Region)); // still counted by origin
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<RequestEntry>().CountAsync(e => e.RequestId == id)));
        Assert.Equal(0, await RunAsync(now.AddYears(5))); // nothing left to anonymise: the demo requests went with it
    }
}
