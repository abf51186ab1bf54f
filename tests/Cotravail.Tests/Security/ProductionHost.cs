using System.Collections.Concurrent;
using System.Reflection;
using Cotravail.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cotravail.Tests.Security;

/// <summary>
/// The application as it starts in another environment than the tests' (Production by default), on its own SQLite
/// file and mail folder, with what it logs kept: to see it refuse to start, or warn.
/// </summary>
internal sealed class ProductionHost : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly string _environment;
    private readonly Dictionary<string, string?> _settings;

    public ConcurrentQueue<(LogLevel Level, string Message)> Logs { get; } = new();

    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "cotravail-tests", "mail-" + Guid.NewGuid().ToString("N"));

    private ProductionHost(TestDatabase database, string environment, IDictionary<string, string?> settings)
    {
        _database = database;
        _environment = environment;
        _settings = new Dictionary<string, string?>
        {
            ["hostBuilder:reloadConfigOnChange"] = "false",
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Sqlite"] = database.ConnectionString,
            ["Demo:Enabled"] = "true",
            ["Demo:Activity"] = "false",
            ["Demo:Password"] = TestApp.DemoPassword,
            ["Identity:PasswordIterations"] = "1000",
            ["Mail:PickupDirectory"] = MailFolder,
            ["Mail:Smtp:Host"] = "",
            ["Security:RequireTwoFactorForManagers"] = "false",
            // The test server speaks plain HTTP.
            ["Security:Https"] = "false",
        };
        foreach (var (k, v) in settings)
        {
            _settings[k] = v;
        }
    }

    public static async Task<ProductionHost> CreateAsync(IDictionary<string, string?> settings, string environment = "Production") =>
        new(await TestDatabase.CreateAsync("Sqlite"), environment, settings);

    /// <summary>The exception that stopped the start (as thrown by the application), or null when it started.</summary>
    public static async Task<Exception?> StartFailureAsync(IDictionary<string, string?> settings, string environment = "Production")
    {
        await using var host = await CreateAsync(settings, environment);
        try
        {
            _ = host.Server;
            return null;
        }
#pragma warning disable CA1031 // any exception is the answer
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Innermost(e);
        }
    }

    /// <summary>The mails written so far (the outbox sent first).</summary>
    public IReadOnlyList<MimeKit.MimeMessage> Mails()
    {
        TestApp.DeliverMail(Services);
        return Directory.Exists(MailFolder)
            ? [.. Directory.GetFiles(MailFolder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeKit.MimeMessage.Load(f))]
            : [];
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (k, v) in _settings)
        {
            builder.UseSetting(k, v);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(new KeptLogs(Logs)));
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, TestClientAddress>());
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            await _database.DisposeAsync();
            try { Directory.Delete(MailFolder, recursive: true); } catch (DirectoryNotFoundException) { }
        }
    }

    private static Exception Innermost(Exception e) =>
        e is AggregateException or TargetInvocationException && e.InnerException is { } inner ? Innermost(inner) : e;

    private sealed class KeptLogs(ConcurrentQueue<(LogLevel, string)> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(logs);

        public void Dispose() { }

        private sealed class Logger(ConcurrentQueue<(LogLevel, string)> logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    logs.Enqueue((logLevel, formatter(state, exception)));
                }
            }
        }
    }
}
