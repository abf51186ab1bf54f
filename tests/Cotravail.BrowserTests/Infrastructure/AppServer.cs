using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Cotravail.BrowserTests.Infrastructure;

/// <summary>
/// The real application served by Kestrel on a free loopback port, on a fresh SQLite file with the demo
/// network, writing its mail as .eml files in a folder of its own.
/// </summary>
public sealed class AppServer : WebApplicationFactory<Program>
{
    public const string DemoPassword = "mot-de-passe-de-demo";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cotravail-browser-tests", Guid.NewGuid().ToString("N"));

    public AppServer() => UseKestrel(0);

    public string MailFolder => Path.Combine(_folder, "mail");

    /// <summary>Where the server listens, e.g. http://127.0.0.1:41234/ (starts it on first use).</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        var database = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "cotravail.db") };
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
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}
