using System.Net;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Sites;

/// <summary>Coordinates of a space, its map and the link to OpenStreetMap, and the tiles' origin in the CSP.</summary>
public sealed class MapTests(SharedApps apps) : IClassFixture<SharedApps>
{
    /// <summary>Every field of the site's form as the page fills it, then <paramref name="changes"/>.</summary>
    private static async Task<HttpResponseMessage> EditAsync(HttpClient client, int siteId, Dictionary<string, string> changes)
    {
        var url = $"/gestion/espaces/{siteId}";
        var form = (await client.GetDocumentAsync(url)).QuerySelector("main form.form")!;
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = input.GetAttribute("name")!;
            if (input.GetAttribute("type") == "checkbox")
            {
                if (input.HasAttribute("checked"))
                {
                    fields[name] = "true";
                }
                continue;
            }
            fields[name] = input.TagName == "TEXTAREA" ? input.TextContent : input.GetAttribute("value") ?? "";
        }
        foreach (var (k, v) in changes)
        {
            fields[k] = v;
        }
        return await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_manager_sets_coordinates_with_a_comma_and_bad_ones_are_refused_in_French(string provider)
    {
        var app = await apps.GetAsync(provider);
        var site = await app.SiteAsync("prayssac");
        var client = app.Browser();
        await client.SignInAsync(TestApp.ManagerEmail);

        foreach (var (lat, lon, field, message) in new[]
        {
            ("95", "1,2", "Latitude", "La latitude est un nombre de degrés entre -90 et 90"),
            ("44,5", "181", "Longitude", "La longitude est un nombre de degrés entre -180 et 180"),
            ("quarante", "1,2", "Latitude", "La latitude est un nombre de degrés entre -90 et 90"),
            ("44,5", "", "Longitude", "Indiquez la latitude et la longitude, ou aucune des deux."),
        })
        {
            var refused = await EditAsync(client, site.Id, new() { ["Input.Latitude"] = lat, ["Input.Longitude"] = lon });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = await refused.ParseAsync();
            Assert.Contains(message, page.QuerySelector($"#Input_{field}-error").Text(), StringComparison.Ordinal);
            var saved = await app.SiteAsync("prayssac");
            Assert.Equal((44.5043, 1.1889), (saved.Latitude, saved.Longitude));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(client, site.Id, new() { ["Input.Latitude"] = "44,50431", ["Input.Longitude"] = "1.18892" })).StatusCode);
        var moved = await app.SiteAsync("prayssac");
        Assert.Equal((44.50431, 1.18892), (moved.Latitude, moved.Longitude));
        var form = await client.GetDocumentAsync($"/gestion/espaces/{site.Id}");
        Assert.Equal("44,50431", form.QuerySelector("#Input_Latitude")!.GetAttribute("value"));

        var publicPage = await app.Browser().GetDocumentAsync("/espaces/prayssac");
        var link = publicPage.QuerySelector("main a[href^='https://www.openstreetmap.org/']")!;
        Assert.Equal("https://www.openstreetmap.org/?mlat=44.50431&mlon=1.18892#map=16/44.50431/1.18892", link.GetAttribute("href"));
        Assert.Equal("Carte : Tiers-lieu de Prayssac", publicPage.QuerySelector("[data-map]")!.GetAttribute("aria-label"));

        // Emptied: no map, no link.
        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(client, site.Id, new() { ["Input.Latitude"] = "", ["Input.Longitude"] = "" })).StatusCode);
        Assert.Null((await app.SiteAsync("prayssac")).Latitude);
        Assert.Null((await app.Browser().GetDocumentAsync("/espaces/prayssac")).QuerySelector("[data-map]"));
        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(client, site.Id, new() { ["Input.Latitude"] = "44,5043", ["Input.Longitude"] = "1,1889" })).StatusCode);
    }

    [Fact]
    public async Task The_home_page_maps_the_demo_spaces_with_their_links_to_OpenStreetMap_and_the_CSP_allows_only_its_tiles()
    {
        var app = await apps.GetAsync();
        var response = await app.Browser().GetAsync(new Uri("/", UriKind.Relative));
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("img-src 'self' data: https://tile.openstreetmap.org;", csp, StringComparison.Ordinal);
        var page = await response.ParseAsync();
        var map = page.QuerySelector("[data-map]")!;
        Assert.Equal("https://tile.openstreetmap.org/{z}/{x}/{y}.png", map.GetAttribute("data-tiles"));
        Assert.Contains("openstreetmap.org/copyright", map.GetAttribute("data-attribution"), StringComparison.Ordinal);
        var places = page.QuerySelectorAll(".map-places li").Select(li => li.GetAttribute("data-name")).ToList();
        Assert.Equal(["Petit tiers-lieu de Puy-l'Évêque", "Tiers-lieu de Luzech", "Tiers-lieu de Prayssac"], places.Order().ToList());
        Assert.Equal("https://www.openstreetmap.org/?mlat=44.4786&mlon=1.2884#map=16/44.4786/1.2884",
            page.QuerySelector(".map-places li[data-name='Tiers-lieu de Luzech'] a")!.GetAttribute("href"));
        Assert.Contains("/js/map.js", page.QuerySelector("script[src*='map.js']")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("script[src*='leaflet']")); // Leaflet comes only when the map is in view
    }

    [Fact]
    public async Task A_configured_tile_server_is_the_only_image_origin_added_to_the_CSP()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Map:TileUrl"] = "https://{s}.tuiles.example.org:8443/carte/{z}/{x}/{y}.png",
            ["Map:Attribution"] = "Fond de carte : Exemple",
        });
        var response = await app.Browser().GetAsync(new Uri("/espaces/luzech", UriKind.Relative));
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("img-src 'self' data: https://*.tuiles.example.org:8443;", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("openstreetmap", csp, StringComparison.Ordinal);
        var map = (await response.ParseAsync()).QuerySelector("[data-map]")!;
        Assert.Equal("Fond de carte : Exemple", map.GetAttribute("data-attribution"));
        var json = await app.Browser().GetAsync(new Uri("/api/v1/sites", UriKind.Relative));
        Assert.Contains("https://*.tuiles.example.org:8443", json.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Sites.CountAsync(s => s.Slug == "luzech" && s.Latitude == 44.4786)));
    }
}
