using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Infrastructure;

/// <summary>Debian's Chromium, headless. Playwright's own browser download is never used.</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

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
}
