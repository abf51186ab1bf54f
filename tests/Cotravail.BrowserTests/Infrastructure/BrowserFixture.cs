using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Infrastructure;

/// <summary>
/// One application server for a test class, and the run's Chromium (<see cref="Chromium.BrowserAsync"/>); each test
/// opens its own browser context (fresh cookies) with <see cref="NewContextAsync"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IBrowser? _browser;

    public AppServer App { get; } = new();

    public async Task InitializeAsync()
    {
        var server = App.StartAsync();
        _browser = await Chromium.BrowserAsync();
        await server;
    }

    /// <summary>A new browser context in French, pointed at the server; dispose it at the end of the test.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 800, bool javaScript = true)
    {
        var browser = _browser ?? throw new InvalidOperationException("The browser is not started.");
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = App.BaseAddress.ToString(),
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
            ViewportSize = new() { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
        });
        context.SetDefaultTimeout(10_000);
        return context;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
