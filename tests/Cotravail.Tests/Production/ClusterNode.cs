using Cotravail.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Cotravail.Tests.Production;

/// <summary>
/// One instance of Cotravail on a real Kestrel port of the loopback, on a PostgreSQL database that other instances
/// share, writing its mail in a pickup folder that they share too, with the background jobs running.
/// </summary>
public sealed class ClusterNode : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly string _mailFolder;
    private readonly FakeTimeProvider _clock;

    public ClusterNode(string connectionString, string mailFolder, FakeTimeProvider clock)
    {
        _connectionString = connectionString;
        _mailFolder = mailFolder;
        _clock = clock;
        UseKestrel(0);
    }

    /// <summary>http://127.0.0.1:PORT/ once started.</summary>
    public Uri Address { get; private set; } = null!;

    public void Start()
    {
        StartServer();
        using var client = CreateClient();
        Address = client.BaseAddress!;
    }

    /// <summary>A client of this instance; clients given the same cookie container share cookies across instances (cookies ignore the port).</summary>
    public HttpClient Client(System.Net.CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = cookies is not null, CookieContainer = cookies ?? new() }) { BaseAddress = Address };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["hostBuilder:reloadConfigOnChange"] = "false",
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = _connectionString,
            ["Demo:Enabled"] = "true",
            ["Demo:Password"] = TestApp.DemoPassword,
            ["Identity:PasswordIterations"] = "1000",
            ["Mail:PickupDirectory"] = _mailFolder,
            ["Mail:Smtp:Host"] = "",
            ["Events:ReminderIntervalMinutes"] = "1",
            ["Demo:Activity"] = "false",
            ["Security:RequireTwoFactorForManagers"] = "false",
            // Forty members sign in from one address within a second: the limits have their own tests.
            ["RateLimits:Enabled"] = "false",
        };
        foreach (var (k, v) in settings)
        {
            builder.UseSetting(k, v);
        }
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(_clock);
        });
    }
}
