using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.BrowserTests.Infrastructure;

/// <summary>
/// The real application served by Kestrel on a free loopback port, on a SQLite file of its own with the demo network,
/// writing its mail as .eml files in a folder of its own. The file is a copy of a template that a first server (without
/// its background jobs) migrated and seeded once for the run, so each server starts with nothing left to migrate or seed.
/// </summary>
public sealed class AppServer : WebApplicationFactory<Program>
{
    public const string DemoPassword = "mot-de-passe-de-demo";

    private static readonly Lazy<Task<string>> Template = new(BuildTemplateAsync);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cotravail-browser-tests", Guid.NewGuid().ToString("N"));
    private readonly bool _isTemplate;

    public AppServer() : this(isTemplate: false)
    {
    }

    private AppServer(bool isTemplate)
    {
        _isTemplate = isTemplate;
        UseKestrel(0);
    }

    public string MailFolder => Path.Combine(_folder, "mail");

    private string DatabaseFile => Path.Combine(_folder, "cotravail.db");

    /// <summary>Where the server listens, e.g. http://127.0.0.1:41234/ (starts it on first use).</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    /// <summary>Copies the template database into this server's folder, then starts the server.</summary>
    public async Task StartAsync()
    {
        var template = await Template.Value;
        Directory.CreateDirectory(_folder);
        File.Copy(template, DatabaseFile);
        await Task.Run(StartServer);
    }

    private static async Task<string> BuildTemplateAsync()
    {
        await using var first = new AppServer(isTemplate: true);
        Directory.CreateDirectory(first._folder);
        await Task.Run(first.StartServer);
        var file = first.DatabaseFile;
        var copy = Path.Combine(Path.GetTempPath(), "cotravail-browser-tests", "template-" + Guid.NewGuid().ToString("N") + ".db");
        await first.StopAsync();
        // Everything in the main file (the write-ahead log checkpointed): copying that one file copies everything.
        await using (var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await cmd.ExecuteNonQueryAsync();
        }
        File.Copy(file, copy);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(copy);
        return copy;
    }

    private async Task StopAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        var database = new SqliteConnectionStringBuilder { DataSource = DatabaseFile };
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Sqlite", database.ConnectionString);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Activity", "false");
        builder.UseSetting("Demo:Password", DemoPassword);
        builder.UseSetting("Identity:PasswordIterations", "1000");
        builder.UseSetting("Mail:PickupDirectory", MailFolder);
        builder.UseSetting("Mail:Smtp:Host", "");
        // Browser tests sign in as the demo manager without an authenticator, many times from one address.
        builder.UseSetting("Security:RequireTwoFactorForManagers", "false");
        builder.UseSetting("RateLimits:Enabled", "false");
        // Map tiles from a host that does not exist: no test reaches a real tile server (PhotosAndMapTests routes it).
        builder.UseSetting("Map:TileUrl", "http://tuiles.test/{z}/{x}/{y}.png");
        if (_isTemplate)
        {
            // The template holds what the start wrote, before any background job ran: each server runs its own.
            builder.ConfigureServices(services =>
            {
                foreach (var job in services.Where(s => s.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService)
                    && s.ImplementationType?.Assembly == typeof(Program).Assembly).ToList())
                {
                    services.Remove(job);
                }
            });
        }
        else
        {
            // A copy of the template: migrated and seeded already, with these same settings.
            builder.UseSetting("Database:MigrateOnStart", "false");
            builder.UseSetting("Demo:Enabled", "false");
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}
