using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Entrepreneurs;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Entrepreneurs;

public sealed class DigestTests
{
    private static Task<int> RunAsync(TestApp app) =>
        app.WithServiceAsync<int, WeeklyDigest>(d => d.SendDueAsync(CancellationToken.None));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_subscriber_gets_one_digest_a_week_even_when_two_runs_race(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, EntrepreneursSteps.NoDigestWorker);
        await app.WithDbAsync(db => db.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.WantsDigest, false)));
        var (reader, _) = await app.MemberWithProfileAsync("lectrice@exemple.fr", "Lectrice", Visibility.Hidden, digest: true);
        var (other, _) = await app.MemberWithProfileAsync("lecteur@exemple.fr", "Lecteur", Visibility.Members, digest: true);
        await app.MemberWithProfileAsync("nouvelle@exemple.fr", "Nouvelle Venue", Visibility.Public);

        using var start = new ManualResetEventSlim();
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () => { start.Wait(); return await RunAsync(app); }))
            .Select(t => { start.Set(); return t; }));

        Assert.Equal(2, runs.Sum());
        var mails = app.Mails();
        Assert.Single(mails, m => m.To.Mailboxes.Single().Address == reader.Email);
        Assert.Single(mails, m => m.To.Mailboxes.Single().Address == other.Email);
        Assert.All(mails, m => Assert.Equal("Cette semaine dans le réseau Cotravail", m.Subject));
        Assert.Contains("Nouvelle Venue", mails[0].TextBody, StringComparison.Ordinal);

        Assert.Equal(0, await RunAsync(app)); // later the same week: nothing
        app.Clock.Advance(TimeSpan.FromDays(7));
        await app.MemberWithProfileAsync("suivante@exemple.fr", "Suivante", Visibility.Public);
        Assert.Equal(2, await RunAsync(app)); // the next week: one each again
    }
}
