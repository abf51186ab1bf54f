using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Cotravail.Web.Common.Security;

/// <summary>
/// Who may tell the client's address and scheme (<c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c>): the proxies named in
/// <c>Security:KnownProxies</c> (addresses) and <c>Security:KnownNetworks</c> (ranges such as <c>10.0.0.0/8</c>); with
/// neither set, this machine only (127.0.0.0/8 and ::1), where a reverse proxy usually runs. The headers of anyone
/// else are ignored: the client's address is then the connection's, so nobody escapes a rate limit or signs the audit
/// log with an address of their choice. A forwarded scheme other than http or https is never believed.
/// </summary>
public sealed class TrustedProxies
{
    private const string OriginalScheme = "cotravail.original-scheme";

    private TrustedProxies(IReadOnlyList<IPAddress> proxies, IReadOnlyList<IPNetwork> networks)
    {
        Proxies = proxies;
        Networks = networks;
    }

    public IReadOnlyList<IPAddress> Proxies { get; }

    public IReadOnlyList<IPNetwork> Networks { get; }

    /// <summary>Reads both settings; a wrong entry stops the start with a message in French and English.</summary>
    public static TrustedProxies From(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var proxies = new List<IPAddress>();
        foreach (var text in Entries(config, "Security:KnownProxies"))
        {
            proxies.Add(IPAddress.TryParse(text, out var ip) ? ip : throw Wrong("Security:KnownProxies", text,
                "n'est pas une adresse IP (par exemple 10.0.0.5)", "is not an IP address (for example 10.0.0.5)"));
        }
        var networks = new List<IPNetwork>();
        foreach (var text in Entries(config, "Security:KnownNetworks"))
        {
            networks.Add(IPNetwork.TryParse(text, out var network) ? network : throw Wrong("Security:KnownNetworks", text,
                "n'est pas une plage d'adresses (par exemple 10.0.0.0/8)", "is not an address range (for example 10.0.0.0/8)"));
        }
        if (proxies.Count == 0 && networks.Count == 0)
        {
            // A reverse proxy on this machine, as the deploy guide sets it up.
            networks.Add(new IPNetwork(IPAddress.Loopback, 8));
            proxies.Add(IPAddress.IPv6Loopback);
        }
        return new TrustedProxies(proxies, networks);
    }

    /// <summary>
    /// Sets the lists of ASP.NET Core's forwarded-headers middleware. Both lists are cleared first (its defaults), and
    /// never left empty: when both are empty, the middleware believes every sender.
    /// </summary>
    public void ApplyTo(ForwardedHeadersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in Proxies)
        {
            options.KnownProxies.Add(proxy);
        }
        foreach (var network in Networks)
        {
            options.KnownIPNetworks.Add(network);
        }
    }

    /// <summary>
    /// The forwarded headers from trusted senders, then the scheme checked: anything but http or https (a
    /// <c>javascript</c> that a proxy passed on) is put back to the connection's own scheme.
    /// </summary>
    public static void Use(IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(static (context, next) =>
        {
            context.Items[OriginalScheme] = context.Request.Scheme;
            return next(context);
        });
        app.UseForwardedHeaders();
        app.Use(static (context, next) =>
        {
            var scheme = context.Request.Scheme;
            if (string.Equals(scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase))
            {
                context.Request.Scheme = Uri.UriSchemeHttps;
            }
            else if (string.Equals(scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase))
            {
                context.Request.Scheme = Uri.UriSchemeHttp;
            }
            else
            {
                context.Request.Scheme = context.Items[OriginalScheme] is string original
                    && (original == Uri.UriSchemeHttp || original == Uri.UriSchemeHttps) ? original : Uri.UriSchemeHttp;
            }
            return next(context);
        });
    }

    private static IEnumerable<string> Entries(IConfiguration config, string key)
    {
        var section = config.GetSection(key);
        // A list (Security:KnownProxies:0 …) or one value with commas (Security__KnownProxies=10.0.0.5,10.0.0.6).
        var values = section.Get<string[]>() ?? [];
        if (values.Length == 0 && section.Value is { } single)
        {
            values = single.Split(',');
        }
        return values.Select(v => v.Trim()).Where(v => v.Length > 0);
    }

    private static InvalidOperationException Wrong(string key, string value, string french, string english) =>
        new($"{key} : « {value} » {french}. / {key}: '{value}' {english}.");
}
