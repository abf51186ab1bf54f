using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Billing.Entitlements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Billing;

/// <summary>The free discovery day is one per person: aliases and case variants of an address do not give another.</summary>
public sealed class DiscoveryDayPerPersonTests
{
    private static async Task<HttpResponseMessage> DiscoveryAsync(HttpClient member, int desks, string date) =>
        await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date, period = "day", discovery = true });

    private static async Task<bool> AvailableAsync(HttpClient member) =>
        (await member.GetFromJsonAsync<JsonElement>("/api/v1/me/entitlements")).GetProperty("discoveryDayAvailable").GetBoolean();

    [Theory]
    [InlineData("Marie.Dupont+essai@Exemple.fr", "marie.dupont@exemple.fr")]
    [InlineData("  JEAN@exemple.FR ", "jean@exemple.fr")]
    [InlineData("j.ean@exemple.fr", "j.ean@exemple.fr")]
    [InlineData("M.a.rie+x@GoogleMail.com", "marie@gmail.com")]
    [InlineData("marie@gmail.com", "marie@gmail.com")]
    [InlineData("+seul@exemple.fr", "+seul@exemple.fr")]
    public void An_address_is_read_as_its_person(string email, string key) => Assert.Equal(key, DiscoveryKey.Of(email));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Aliases_and_case_variants_of_an_address_get_no_second_discovery_day(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var desks = await ProductsAndEntitlementsTests.DesksAsync(app);
        await app.CreateUserAsync("marie.dupont@gmail.com");
        var first = await app.ApiClientAsync("marie.dupont@gmail.com");
        Assert.Equal(HttpStatusCode.Created, (await DiscoveryAsync(first, desks, "2026-12-02")).StatusCode);

        foreach (var (alias, day) in new[] { ("Marie.Dupont+essai@GMAIL.com", 3), ("mariedupont@googlemail.com", 4), ("m.a.r.i.e.dupont+x@gmail.com", 7) })
        {
            await app.CreateUserAsync(alias);
            var member = await app.ApiClientAsync(alias);
            Assert.False(await AvailableAsync(member), alias);
            var refused = await DiscoveryAsync(member, desks, $"2026-12-{day:00}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("déjà profité", (await refused.JsonAsync()).GetProperty("errors").GetProperty("discovery")[0].GetString(), StringComparison.Ordinal);
        }

        // Another provider keeps its dots: j.ean and jean are two mailboxes there; their +tag is still the same person.
        await app.CreateUserAsync("jean@exemple.fr");
        await app.CreateUserAsync("j.ean@exemple.fr");
        await app.CreateUserAsync("Jean+promo@Exemple.fr");
        Assert.Equal(HttpStatusCode.Created, (await DiscoveryAsync(await app.ApiClientAsync("jean@exemple.fr"), desks, "2026-12-08")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await DiscoveryAsync(await app.ApiClientAsync("j.ean@exemple.fr"), desks, "2026-12-08")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await DiscoveryAsync(await app.ApiClientAsync("Jean+promo@Exemple.fr"), desks, "2026-12-09")).StatusCode);

        Assert.Equal(3, await app.WithDbAsync(db => db.DiscoveryDays.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.PriceCents == 0 && b.Date >= new DateOnly(2026, 12, 3) && b.Date <= new DateOnly(2026, 12, 7))));

        // The page says so too: no « journée découverte disponible » for an alias.
        var browser = app.Browser();
        await browser.SignInAsync("Marie.Dupont+essai@GMAIL.com");
        Assert.DoesNotContain("journée découverte gratuite est disponible", (await browser.GetDocumentAsync("/mes-droits")).QuerySelector("main").Text(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_aliases_asking_for_the_discovery_day_at_the_same_moment_get_one(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var desks = await ProductsAndEntitlementsTests.DesksAsync(app);
        var emails = new[] { "paul@exemple.fr", "Paul+1@exemple.fr", "paul+2@EXEMPLE.fr", "PAUL+3@exemple.fr" };
        var days = new[] { "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-07" };
        var clients = new List<HttpClient>();
        foreach (var email in emails)
        {
            await app.CreateUserAsync(email);
            clients.Add(await app.ApiClientAsync(email));
        }

        using var start = new ManualResetEventSlim();
        var tasks = clients.Select((c, i) => Task.Run(async () =>
        {
            start.Wait();
            return await DiscoveryAsync(c, desks, days[i]);
        })).ToList();
        start.Set();
        var responses = await Task.WhenAll(tasks);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(emails.Length - 1, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
        Assert.Equal(1, await app.WithDbAsync(db => db.Bookings.CountAsync()));
        Assert.Equal("paul@exemple.fr", await app.WithDbAsync(db => db.DiscoveryDays.Select(d => d.EmailKey).SingleAsync()));
    }

    [Fact]
    public async Task Erasing_an_account_forgets_the_address_its_discovery_day_was_taken_with_not_the_day()
    {
        await using var app = await TestApp.StartAsync();
        var desks = await ProductsAndEntitlementsTests.DesksAsync(app);
        var user = await app.CreateUserAsync("efface@exemple.fr");
        Assert.Equal(HttpStatusCode.Created, (await DiscoveryAsync(await app.ApiClientAsync(user.Email!), desks, "2026-12-02")).StatusCode);
        Assert.Equal("efface@exemple.fr", await app.WithDbAsync(db => db.DiscoveryDays.Where(d => d.UserId == user.Id).Select(d => d.EmailKey).SingleAsync()));
        app.Clock.Advance(TimeSpan.FromDays(3)); // the day is behind: erasing keeps it (a future booking would be cancelled)

        await app.WithScopeAsync(async services => Assert.Equal(Cotravail.Web.Features.Privacy.EraseOutcome.Erased,
            (await services.GetRequiredService<Cotravail.Web.Features.Privacy.AccountEraser>().EraseAsync(user.Id, byRetention: false, CancellationToken.None)).Outcome));

        Assert.Null(await app.WithDbAsync(db => db.DiscoveryDays.Where(d => d.UserId == user.Id).Select(d => d.EmailKey).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Discovery_days_taken_before_the_key_get_it_from_the_migration_and_a_persons_second_keeps_none(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var desks = await ProductsAndEntitlementsTests.DesksAsync(app);
        var emails = new[] { "Anne.Leroy+travail@GoogleMail.com", "anneleroy@gmail.com", "  Luc@Exemple.FR", "l.uc+x@exemple.fr" };
        var taken = new List<string>();
        foreach (var (email, i) in emails.Select((e, i) => (e, i)))
        {
            var user = await app.CreateUserAsync($"ancien{i}@exemple.fr");
            var member = await app.ApiClientAsync(user.Email!);
            Assert.Equal(HttpStatusCode.Created, (await DiscoveryAsync(member, desks, new[] { "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-07" }[i])).StatusCode);
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            // As before the key existed: the row has none, and the account's address is what it is now.
            await app.WithDbAsync(async db =>
            {
                await db.DiscoveryDays.Where(d => d.UserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.EmailKey, (string?)null));
                return await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, email));
            });
            taken.Add(user.Id);
        }

        // What the migration does: the column is there without its index, the keys are filled in, then the unique index.
        await app.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("DROP INDEX \"IX_DiscoveryDays_EmailKey\"");
            foreach (var sql in DiscoveryKey.BackfillSql(db.Database.IsNpgsql()))
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }
            return await db.Database.ExecuteSqlRawAsync("CREATE UNIQUE INDEX \"IX_DiscoveryDays_EmailKey\" ON \"DiscoveryDays\" (\"EmailKey\")");
        });

        var keys = await app.WithDbAsync(db => db.DiscoveryDays.ToDictionaryAsync(d => d.UserId, d => d.EmailKey));
        Assert.Equal("anneleroy@gmail.com", keys[taken[0]]);
        Assert.Null(keys[taken[1]]); // the same person's second day (taken later) keeps no key: the unique index holds
        Assert.Equal("luc@exemple.fr", keys[taken[2]]);
        Assert.Equal(DiscoveryKey.Of("l.uc+x@exemple.fr"), keys[taken[3]]);

        // And the rule reads them: a new alias of Anne gets no discovery day.
        await app.CreateUserAsync("anne.leroy@gmail.com");
        var anne = await app.ApiClientAsync("anne.leroy@gmail.com");
        Assert.False(await AvailableAsync(anne));
    }
}
