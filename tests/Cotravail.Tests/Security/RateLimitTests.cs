using System.Net;
using Cotravail.Tests.Accounts;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Common.Security.RateLimiting;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Security;

public sealed class RateLimitTests
{
    private static Task<TestApp> StartAsync(string provider, string policy, int perIp, int perAccount) =>
        TestApp.StartAsync(provider, new Dictionary<string, string?>
        {
            [$"RateLimits:{policy}:PermitLimit"] = perIp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"RateLimits:{policy}:AccountPermitLimit"] = perAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    private static HttpClient From(TestApp app, string ip)
    {
        var client = app.Browser();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, ip);
        return client;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Counters_are_removed_once_the_longest_window_has_ended(string provider)
    {
        await using var app = await StartAsync(provider, "login", perIp: 100, perAccount: 100);
        await From(app, "203.0.113.9").LogInAsync(TestApp.MemberEmail, "pas le bon mot de passe");
        var counters = await app.WithDbAsync(db => db.Set<RateLimitCounter>().CountAsync());
        Assert.Equal(2, counters); // the address and the account

        async Task<int> CleanAsync(DateTimeOffset now)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return await RateLimitCleanup.DeleteEndedAsync(db, scope.ServiceProvider.GetRequiredService<DbRateLimiter>(), now, CancellationToken.None);
        }
        var now = app.Clock.GetUtcNow();
        Assert.Equal(0, await CleanAsync(now.AddMinutes(50))); // the longest window (one hour) may still hold them
        Assert.Equal(2, await CleanAsync(now.AddHours(2)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<RateLimitCounter>().CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Past_the_limit_of_an_account_signing_in_answers_429_in_French_until_the_window_has_passed(string provider)
    {
        await using var app = await StartAsync(provider, "login", perIp: 100, perAccount: 3);
        var client = From(app, "203.0.113.7");

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.LogInAsync(TestApp.MemberEmail, "pas le bon mot de passe")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await client.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword)).StatusCode);

        var refused = await From(app, "203.0.113.7").LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.Equal("Trop de tentatives", page.QuerySelector("h1").Text());
        Assert.Contains("Réessayez dans", page.QuerySelector("main p").Text(), StringComparison.Ordinal);
        var wait = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(wait);
        Assert.InRange(wait.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));
        // Even from elsewhere, this account waits; another account does not.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await From(app, "198.51.100.20").LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await From(app, "203.0.113.7").LogInAsync(TestApp.HostEmail, TestApp.DemoPassword)).StatusCode);

        app.Clock.Advance(wait.Value);
        Assert.Equal(HttpStatusCode.Redirect, (await From(app, "203.0.113.7").LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Past_the_limit_of_an_address_its_attempts_answer_429_and_other_addresses_go_on(string provider)
    {
        await using var app = await StartAsync(provider, "login", perIp: 3, perAccount: 100);
        foreach (var email in new[] { "a@exemple.fr", "b@exemple.fr", "c@exemple.fr" })
        {
            Assert.Equal(HttpStatusCode.OK, (await From(app, "203.0.113.9").LogInAsync(email, "pas le bon mot de passe")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await From(app, "203.0.113.9").LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await From(app, "2001:db8::5").LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword)).StatusCode);

        // The API shares the same counters and answers a French ProblemDetails.
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Add(TestClientAddress.Header, "203.0.113.9");
        var problem = await api.PostJsonAsync("/api/v1/auth/login", new { email = TestApp.MemberEmail, password = TestApp.DemoPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
        var body = await problem.JsonAsync();
        Assert.Equal("Trop de requêtes ; réessayez plus tard.", body.GetProperty("title").GetString());
        Assert.StartsWith("Trop de tentatives en peu de temps : réessayez dans", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotNull(problem.Headers.RetryAfter);

        app.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.Redirect, (await From(app, "203.0.113.9").LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task Registration_forgotten_password_and_new_confirmation_mails_are_limited_too()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["RateLimits:registration:PermitLimit"] = "2",
            ["RateLimits:account-mail:PermitLimit"] = "100",
            ["RateLimits:account-mail:AccountPermitLimit"] = "2",
        });
        var client = From(app, "203.0.113.30");
        Assert.Equal(HttpStatusCode.Redirect, (await client.RegisterAsync("un@exemple.fr")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.RegisterAsync("deux@exemple.fr")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.RegisterAsync("trois@exemple.fr")).StatusCode);
        Assert.Null(await app.FindUserAsync("trois@exemple.fr"));
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Add(TestClientAddress.Header, "203.0.113.30");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await api.PostJsonAsync("/api/v1/auth/register", new { email = "quatre@exemple.fr", password = AccountSteps.Password })).StatusCode);

        var forgot = new Dictionary<string, string> { ["Input.Email"] = TestApp.MemberEmail };
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync("/compte/mot-de-passe-oublie", forgot)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync("/compte/confirmer/renvoyer", forgot)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SubmitFormAsync("/compte/mot-de-passe-oublie", forgot)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await api.PostJsonAsync("/api/v1/auth/forgotPassword", new { email = TestApp.MemberEmail })).StatusCode);
        Assert.Single(app.MailsTo(TestApp.MemberEmail));
    }

    [Fact]
    public async Task A_forwarded_address_counts_only_when_it_comes_from_a_known_proxy()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["RateLimits:login:PermitLimit"] = "1",
            ["Security:KnownProxies:0"] = "10.0.0.1",
        });
        HttpClient Via(string proxy, string client)
        {
            var c = From(app, proxy);
            c.DefaultRequestHeaders.Add("X-Forwarded-For", client);
            return c;
        }
        Assert.Equal(HttpStatusCode.Redirect, (await Via("10.0.0.1", "203.0.113.1").LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Via("10.0.0.1", "203.0.113.2").LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Via("10.0.0.1", "203.0.113.2").LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword)).StatusCode);

        // An unknown sender cannot choose its address by writing the header.
        Assert.Equal(HttpStatusCode.Redirect, (await Via("198.51.100.1", "203.0.113.3").LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Via("198.51.100.1", "203.0.113.4").LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword)).StatusCode);
    }
}
