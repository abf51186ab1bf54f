using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Cotravail.Tests.Access.Wifi;

/// <summary>
/// FreeRADIUS started with the project's own configuration (<c>ops/freeradius/</c>, copied to a temporary folder) on
/// free loopback ports, asking Cotravail at <paramref name="cotravail"/>; and <c>radclient</c> to send it packets.
/// </summary>
public sealed class FreeRadiusServer : IAsyncDisposable
{
    public const string Daemon = "/usr/sbin/freeradius";
    public const string Client = "/usr/bin/radclient";
    public const string Secret = "secret-des-bornes";

    private readonly string _folder;
    private readonly Process _process;

    public int AuthPort { get; }
    public int AcctPort { get; }

    private FreeRadiusServer(string folder, Process process, int authPort, int acctPort)
    {
        _folder = folder;
        _process = process;
        AuthPort = authPort;
        AcctPort = acctPort;
    }

    public static async Task<FreeRadiusServer> StartAsync(Uri cotravail, string apiKey)
    {
        Assert.True(File.Exists(Daemon) && File.Exists(Client),
            "FreeRADIUS is not installed: these tests need Debian's freeradius, freeradius-rest and freeradius-utils (the test command installs them when run as root).");
        Assert.True(File.Exists("/usr/lib/freeradius/rlm_rest.so"), "FreeRADIUS's rlm_rest is not installed: apt-get install freeradius-rest.");
        var folder = Path.Combine(Path.GetTempPath(), "cotravail-tests", "radius-" + Guid.NewGuid().ToString("N"));
        Copy(Path.Combine(RepositoryRoot(), "ops", "freeradius"), folder);
        var log = Directory.CreateDirectory(Path.Combine(folder, "log")).FullName;
        var (auth, acct) = (FreeUdpPort(), FreeUdpPort());
        var start = new ProcessStartInfo(Daemon) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-f", "-d", folder })
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["COTRAVAIL_URL"] = cotravail.GetLeftPart(UriPartial.Authority);
        start.Environment["COTRAVAIL_WIFI_API_KEY"] = apiKey;
        start.Environment["RADIUS_SECRET"] = Secret;
        start.Environment["RADIUS_CLIENTS"] = "127.0.0.1";
        start.Environment["RADIUS_LISTEN"] = "127.0.0.1";
        start.Environment["RADIUS_AUTH_PORT"] = auth.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["RADIUS_ACCT_PORT"] = acct.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["RADIUS_LOG_DIR"] = log;
        var process = Process.Start(start)!;
        var server = new FreeRadiusServer(folder, process, auth, acct);
        var logFile = Path.Combine(log, "radius.log");
        for (var i = 0; i < 100; i++)
        {
            if (File.Exists(logFile) && (await File.ReadAllTextAsync(logFile)).Contains("Ready to process requests", StringComparison.Ordinal))
            {
                return server;
            }
            if (process.HasExited)
            {
                break;
            }
            await Task.Delay(100);
        }
        var said = process.HasExited ? await process.StandardError.ReadToEndAsync() + await process.StandardOutput.ReadToEndAsync() : "";
        var logged = File.Exists(logFile) ? await File.ReadAllTextAsync(logFile) : "";
        await server.DisposeAsync();
        Assert.Fail($"FreeRADIUS did not start with ops/freeradius:\n{said}\n{logged}");
        return server;
    }

    /// <summary>Sends an Access-Request; radclient's answer (« Access-Accept », « Access-Reject » or « no reply »).</summary>
    public Task<string> AuthenticateAsync(string user, string password, string nas, string secret = Secret) =>
        SendAsync(AuthPort, "auth", secret, $"User-Name = \"{user}\", User-Password = \"{password}\", NAS-Identifier = \"{nas}\"");

    /// <summary>Sends an Accounting-Request Start; « Accounting-Response » when FreeRADIUS acknowledged it.</summary>
    public Task<string> AccountingStartAsync(string user, string nas, string session) =>
        SendAsync(AcctPort, "acct", Secret, $"User-Name = \"{user}\", Acct-Status-Type = Start, NAS-Identifier = \"{nas}\", Acct-Session-Id = \"{session}\"");

    private static async Task<string> SendAsync(int port, string kind, string secret, string attributes)
    {
        var start = new ProcessStartInfo(Client) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-r", "1", "-t", "15", $"127.0.0.1:{port}", kind, secret })
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(attributes);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        foreach (var answer in new[] { "Access-Accept", "Access-Reject", "Accounting-Response" })
        {
            if (output.Contains("Received " + answer, StringComparison.Ordinal))
            {
                return answer;
            }
        }
        return "no reply";
    }

    /// <summary>What FreeRADIUS logged so far (for a failing assertion's message).</summary>
    public string Log => File.Exists(Path.Combine(_folder, "log", "radius.log")) ? File.ReadAllText(Path.Combine(_folder, "log", "radius.log")) : "";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static int FreeUdpPort()
    {
        using var socket = new UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        return ((System.Net.IPEndPoint)socket.Client.LocalEndPoint!).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "ops", "freeradius")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("ops/freeradius not found above " + AppContext.BaseDirectory);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public override string ToString() => new StringBuilder().Append("FreeRADIUS on ").Append(AuthPort).Append('/').Append(AcctPort).ToString();
}
