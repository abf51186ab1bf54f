using System.Net;
using IPNetwork = System.Net.IPNetwork;

namespace Cotravail.Web.Common.Observability;

/// <summary>
/// Who may read the metrics: the addresses and ranges of <c>OpenTelemetry:Prometheus:AllowedAddresses</c>
/// (<c>10.0.0.7</c>, <c>10.0.0.0/24</c>), this machine only (127.0.0.0/8, ::1) when none is set. The address is the
/// client's as the forwarded headers of a trusted proxy tell it (<see cref="Security.TrustedProxies"/>): a visitor
/// coming through the reverse proxy of this machine is not this machine. A request without an address (an in-process
/// server, a Unix socket) is nobody's, and refused.
/// </summary>
public sealed class ScrapeAccess
{
    public static readonly ScrapeAccess Loopback = new([new IPNetwork(IPAddress.Loopback, 8), new IPNetwork(IPAddress.IPv6Loopback, 128)]);

    private readonly IReadOnlyList<IPNetwork> _allowed;

    private ScrapeAccess(IReadOnlyList<IPNetwork> allowed) => _allowed = allowed;

    public bool Allows(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        foreach (var network in _allowed)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A list (<c>…:AllowedAddresses:0</c>) or one value with commas; a wrong entry stops the start.</summary>
    public static ScrapeAccess From(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var values = section.Get<string[]>() ?? [];
        if (values.Length == 0 && section.Value is { } single)
        {
            values = single.Split(',');
        }
        var allowed = new List<IPNetwork>();
        foreach (var text in values.Select(v => v.Trim()).Where(v => v.Length > 0))
        {
            if (IPAddress.TryParse(text, out var ip))
            {
                allowed.Add(new IPNetwork(ip, ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
            else if (IPNetwork.TryParse(text, out var network))
            {
                allowed.Add(network);
            }
            else
            {
                throw ObservabilitySettings.Wrong("OpenTelemetry:Prometheus:AllowedAddresses", text,
                    "n'est ni une adresse IP ni une plage (par exemple 10.0.0.7 ou 10.0.0.0/24)",
                    "is neither an IP address nor a range (for example 10.0.0.7 or 10.0.0.0/24)");
            }
        }
        return allowed.Count == 0 ? Loopback : new ScrapeAccess(allowed);
    }
}
