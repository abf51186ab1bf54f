using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cotravail.Tests.Production;

/// <summary>
/// Two instances, A and B, started at the same moment on a fresh PostgreSQL database (they migrate and seed it in
/// turn), each on its own loopback port, sharing the database, a mail pickup folder and the test's clock.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private TestDatabase? _database;

    public FakeTimeProvider Clock { get; } = new(TestApp.DefaultNow);
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "cotravail-tests", "cluster-mail-" + Guid.NewGuid().ToString("N"));
    public ClusterNode A { get; private set; } = null!;
    public ClusterNode B { get; private set; } = null!;
    public IReadOnlyList<ClusterNode> Both => [A, B];

    public async Task InitializeAsync()
    {
        if (TestDatabase.PostgresServer is null)
        {
            return; // the tests are skipped
        }
        _database = await TestDatabase.CreateAsync("Postgres");
        A = new ClusterNode(_database.ConnectionString, MailFolder, Clock);
        B = new ClusterNode(_database.ConnectionString, MailFolder, Clock);
        using var go = new ManualResetEventSlim();
        var starts = Both.Select(n => Task.Run(() => { go.Wait(); n.Start(); })).ToList();
        go.Set();
        await Task.WhenAll(starts);
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = A.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary><paramref name="count"/> new members, signed in through the API, the even ones on A and the odd ones on B.</summary>
    public async Task<List<HttpClient>> MembersAsync(int count)
    {
        var clients = new List<HttpClient>();
        for (var i = 0; i < count; i++)
        {
            var email = $"membre{i}-{Guid.NewGuid():N}@exemple.fr";
            await using (var scope = A.Services.CreateAsyncScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FirstName = "Membre", LastName = $"{i}" };
                Assert.True((await users.CreateAsync(user, TestApp.DemoPassword)).Succeeded);
                await users.AddToRoleAsync(user, Roles.Member);
            }
            var client = Both[i % 2].Client();
            var login = await client.PostAsJsonAsync(new Uri("/api/v1/auth/login", UriKind.Relative), new { email, password = TestApp.DemoPassword });
            Assert.True(login.IsSuccessStatusCode, $"login {email}: {(int)login.StatusCode}");
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            clients.Add(client);
        }
        return clients;
    }

    /// <summary>The mails both instances sent (their outbox sent first).</summary>
    public IReadOnlyList<MimeKit.MimeMessage> Mails()
    {
        foreach (var node in Both)
        {
            TestApp.DeliverMail(node.Services);
        }
        return Directory.Exists(MailFolder)
            ? [.. Directory.GetFiles(MailFolder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f))]
            : [];
    }

    public async Task DisposeAsync()
    {
        if (_database is null)
        {
            return;
        }
        await A.DisposeAsync();
        await B.DisposeAsync();
        await _database.DisposeAsync();
        try { Directory.Delete(MailFolder, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}
