using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Infrastructure;

/// <summary>
/// Debian's Chromium, headless, started once for the whole run and shared by every test class (each test opens its own
/// browser context, with its own cookies and cache). Playwright's own browser download is never used.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    static Chromium() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        try { _browser?.CloseAsync().GetAwaiter().GetResult(); } catch (PlaywrightException) { }
        _playwright?.Dispose();
    };

    public static BrowserTypeLaunchOptions LaunchOptions => new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run",
        ],
    };

    /// <summary>The run's browser, launched at its first use (again if it was closed or crashed).</summary>
    public static async Task<IBrowser> BrowserAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true })
            {
                return _browser;
            }
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(LaunchOptions);
            return _browser;
        }
        finally
        {
            Gate.Release();
        }
    }
}
