using System.Net;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Common;

/// <summary>Browsers find an icon and a web app manifest on every page, and every file they name exists.</summary>
public sealed class InstallableTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Fact]
    public async Task The_favicon_exists_and_every_page_names_its_icons_and_manifest()
    {
        var app = await apps.GetAsync();
        var client = app.CreateClient();
        var favicon = await client.GetAsync(new Uri("/favicon.ico", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, favicon.StatusCode);
        Assert.Equal("image/x-icon", favicon.Content.Headers.ContentType?.MediaType);

        var home = await app.Browser().GetDocumentAsync("/");
        var named = home.QuerySelectorAll("link[rel=icon], link[rel=apple-touch-icon], link[rel=manifest]").Select(l => l.GetAttribute("href")!).ToList();
        Assert.Equal(4, named.Count);
        foreach (var href in named)
        {
            var r = await client.GetAsync(new Uri(href, UriKind.Relative));
            Assert.True(r.StatusCode == HttpStatusCode.OK, $"{href}: {r.StatusCode}");
        }
    }

    [Fact]
    public async Task The_manifest_is_french_and_its_icons_exist()
    {
        var app = await apps.GetAsync();
        var client = app.CreateClient();
        var response = await client.GetAsync(new Uri("/manifest.webmanifest", UriKind.Relative));
        Assert.Equal("application/manifest+json", response.Content.Headers.ContentType?.MediaType);
        using var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("fr", manifest.RootElement.GetProperty("lang").GetString());
        Assert.Equal("Cotravail", manifest.RootElement.GetProperty("short_name").GetString());
        var icons = manifest.RootElement.GetProperty("icons").EnumerateArray().ToList();
        Assert.Contains(icons, i => i.TryGetProperty("purpose", out var p) && p.GetString() == "maskable");
        foreach (var icon in icons)
        {
            var r = await client.GetAsync(new Uri(icon.GetProperty("src").GetString()!, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal(icon.GetProperty("type").GetString(), r.Content.Headers.ContentType?.MediaType);
        }
    }
}
