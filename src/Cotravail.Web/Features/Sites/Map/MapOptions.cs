using System.Globalization;
using Cotravail.Web.Common;

namespace Cotravail.Web.Features.Sites.Map;

/// <summary>
/// Where the map's tiles come from (<c>Map:TileUrl</c>, a Leaflet URL template) and the attribution shown on it
/// (<c>Map:Attribution</c>, HTML written by the operator). OpenStreetMap's tiles by default.
/// </summary>
public sealed class MapOptions
{
    public const string DefaultTileUrl = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    public const string DefaultAttribution = "&copy; <a href=\"https://www.openstreetmap.org/copyright\">les contributeurs d'OpenStreetMap</a>";

    public string TileUrl { get; set; } = DefaultTileUrl;
    public string Attribution { get; set; } = DefaultAttribution;

    /// <summary>
    /// The source the content security policy must allow for the tiles: the template's origin, with a « {s} »
    /// sub-domain as a wildcard; null for tiles served by this site (a relative URL) or a template that is no URL.
    /// </summary>
    public static string? TileSource(string? tileUrl)
    {
        if (string.IsNullOrWhiteSpace(tileUrl) || tileUrl.StartsWith('/'))
        {
            return null;
        }
        var wildcard = tileUrl.Contains("{s}.", StringComparison.Ordinal);
        if (!Uri.TryCreate(tileUrl.Replace("{s}.", "s.", StringComparison.Ordinal), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return null;
        }
        var host = wildcard ? "*." + uri.Host[2..] : uri.Host;
        return uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
    }
}

/// <summary>The map's settings, and its tiles' origin added to the content security policy's images.</summary>
public static class SiteMapModule
{
    public static IServiceCollection AddSiteMap(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Map").Get<MapOptions>() ?? new MapOptions();
        services.Configure<MapOptions>(configuration.GetSection("Map"));
        services.Configure<ContentPolicyOptions>(o =>
        {
            if (MapOptions.TileSource(options.TileUrl) is { } source)
            {
                o.ImageSources.Add(source);
            }
        });
        return services;
    }
}

/// <summary>A place on a map: a site with its coordinates and its page.</summary>
public sealed record MapPlace(string Name, double Latitude, double Longitude, string Href)
{
    public string Lat => Latitude.ToString("0.######", CultureInfo.InvariantCulture);
    public string Lon => Longitude.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>The place on openstreetmap.org, with a marker, for visitors without JavaScript (or who prefer it).</summary>
    public string OpenStreetMapUrl => $"https://www.openstreetmap.org/?mlat={Lat}&mlon={Lon}#map=16/{Lat}/{Lon}";

    public static MapPlace? Of(Site site) =>
        site is { Latitude: { } lat, Longitude: { } lon } ? new MapPlace(site.Name, lat, lon, $"/espaces/{site.Slug}") : null;
}

/// <summary>What the map partial draws: its places, its heading and the label of its region.</summary>
public sealed record MapView(string Id, string Heading, string Label, IReadOnlyList<MapPlace> Places);
