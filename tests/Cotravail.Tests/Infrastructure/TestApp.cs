using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Cotravail.Tests.Infrastructure;

/// <summary>
/// The whole application in memory on a database of its own, with a controllable clock and its own mail folder.
/// The demo network is seeded; the demo accounts' password is <see cref="DemoPassword"/>. The database is a copy of a
/// template that a first host migrated and seeded with the same seed (<see cref="TemplateDatabases"/>), so each host
/// starts on a database with nothing left to do, as the first one left it.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    public const string DemoPassword = "mot-de-passe-de-demo";
    public const string ManagerEmail = "gestion@cotravail.test";
    public const string HostEmail = "accueil@cotravail.test";
    public const string MemberEmail = "membre@cotravail.test";

    /// <summary>Default "now" of tests: Tuesday 1 December 2026, 09:00 in Paris.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The settings that change what the start writes in a new database (the migrations, the demo data, the accounts'
    /// password hashes, the data-protection key ring); with the provider and the clock's start they name a template.
    /// </summary>
    private static readonly string[] SeedSettings = ["Demo:", "Identity:", "DataProtection:"];

    /// <summary>Settings that name another database: a test with one of them gets an empty database of its own.</summary>
    private static readonly string[] DatabaseSettings = ["Database:", "ConnectionStrings:"];

    private readonly TestDatabase _database;
    private readonly bool _isTemplate;
    private readonly Dictionary<string, string?> _settings;

    public FakeTimeProvider Clock { get; }
    public string MailFolder { get; }
    public string Provider => _database.Provider;

    private TestApp(TestDatabase database, IDictionary<string, string?>? settings, DateTimeOffset now, bool isTemplate = false)
    {
        _database = database;
        _isTemplate = isTemplate;
        Clock = new FakeTimeProvider(now);
        MailFolder = Path.Combine(Path.GetTempPath(), "cotravail-tests", "mail-" + Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string?>
        {
            // No file watchers: dozens of test hosts at once would exhaust the machine's inotify instances.
            ["hostBuilder:reloadConfigOnChange"] = "false",
            ["Database:Provider"] = database.Provider,
            [$"ConnectionStrings:{database.Provider}"] = database.ConnectionString,
            ["Demo:Enabled"] = "true",
            ["Demo:Activity"] = "false",
            ["Demo:Password"] = DemoPassword,
            ["Identity:PasswordIterations"] = "1000",
            ["Mail:PickupDirectory"] = MailFolder,
            ["Mail:Smtp:Host"] = "",
            // Hundreds of tests sign in as the demo manager: two-factor authentication has its own tests.
            ["Security:RequireTwoFactorForManagers"] = "false",
        };
        // Tests sign in and register many times from one address: the limits have their own tests.
        foreach (var policy in new[] { "login", "registration", "account-mail", "contact", "public-form", "address-mail" })
        {
            _settings[$"RateLimits:{policy}:PermitLimit"] = "100000";
            _settings[$"RateLimits:{policy}:AccountPermitLimit"] = "100000";
        }
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            _settings[k] = v;
        }
    }

    /// <summary>Starts the app on a database of its own with the demo network, of the given provider ("Sqlite" or "Postgres").</summary>
    public static async Task<TestApp> StartAsync(string provider = "Sqlite", IDictionary<string, string?>? settings = null, DateTimeOffset? now = null, bool kestrel = false)
    {
        var start = now ?? DefaultNow;
        settings ??= new Dictionary<string, string?>();
        var (db, copied) = await DatabaseAsync(provider, settings, start);
        if (copied)
        {
            // The template's first host migrated and seeded it with the same seed settings and clock: on a copy the
            // start would only find everything done (checking the migrations against the model takes a tenth of it).
            settings = new Dictionary<string, string?>(settings) { ["Database:MigrateOnStart"] = "false", ["Demo:Enabled"] = "false" };
        }
        var app = new TestApp(db, settings, start);
        if (kestrel)
        {
            // On a real port of the loopback (for programs outside the process); clients from CreateClient go there.
            app.UseKestrel(0);
            app.StartServer();
            return app;
        }
        _ = app.Server; // build the host now: the start's checks of the database run here
        return app;
    }

    /// <summary>A copy of the template of this seed, built by a first host (without its background services) at its first use.</summary>
    private static async Task<(TestDatabase Database, bool Copied)> DatabaseAsync(string provider, IDictionary<string, string?> settings, DateTimeOffset now)
    {
        if (settings.Keys.Any(k => DatabaseSettings.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))))
        {
            return (await TestDatabase.CreateAsync(provider), false);
        }
        var seed = settings.Where(s => SeedSettings.Any(p => s.Key.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(s => s.Key, s => s.Value);
        var key = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + "|" + string.Join("|", seed.Select(s => $"{s.Key}={s.Value}"));
        return (await TemplateDatabases.CopyAsync(provider, key, async template =>
        {
            await using var first = new TestApp(template, seed, now, isTemplate: true);
            _ = first.Server;
        }), true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (k, v) in _settings)
        {
            builder.UseSetting(k, v);
        }
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientAddress>();
            if (_isTemplate)
            {
                // The template holds what the start wrote, before any background job ran: each test's host runs its own.
                var jobs = services.Where(s => s.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService)
                    && s.ImplementationType?.Assembly == typeof(Program).Assembly).ToList();
                foreach (var job in jobs)
                {
                    services.Remove(job);
                }
            }
        });
    }

    /// <summary>The mails sent so far (the outbox sent first), as the .eml files written, oldest first (by their names).</summary>
    public IReadOnlyList<MimeKit.MimeMessage> Mails()
    {
        DeliverMail(Services);
        if (!Directory.Exists(MailFolder))
        {
            return [];
        }
        return [.. Directory.GetFiles(MailFolder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeKit.MimeMessage.Load(f))];
    }

    /// <summary>Sends what waits in the outbox now, as the app's dispatcher does a moment after each mail.</summary>
    public static void DeliverMail(IServiceProvider services) =>
        Task.Run(() => services.GetRequiredService<Cotravail.Web.Common.Mail.MailDispatcher>().DeliverDueAsync(CancellationToken.None))
            .GetAwaiter().GetResult();

    public override async ValueTask DisposeAsync()
    {
        // The host does not dispose its file providers: the one that watches wwwroot (asp-append-version) would keep an
        // inotify instance until collected, and the user's 128 run out over a test run.
        var environment = Services.GetRequiredService<IWebHostEnvironment>();
        var providers = new[] { environment.WebRootFileProvider, environment.ContentRootFileProvider };
        await base.DisposeAsync();
        foreach (var provider in providers.OfType<IDisposable>())
        {
            provider.Dispose();
        }
        if (!_isTemplate)
        {
            await _database.DisposeAsync();
        }
        try { Directory.Delete(MailFolder, recursive: true); } catch (DirectoryNotFoundException) { }
        GC.SuppressFinalize(this);
    }
}
