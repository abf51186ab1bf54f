namespace Cotravail.Web.Features.Access.Wifi;

/// <summary>
/// A site's Wi-Fi as FreeRADIUS sees it: the NAS-Identifier its access points (or controller) send, which tells
/// Cotravail at which site someone connects, and the secret event guests' codes are derived from.
/// </summary>
public sealed class WifiSite
{
    public int SiteId { get; set; }

    /// <summary>The NAS-Identifier of the site's access points; unique across every network.</summary>
    public string NasIdentifier { get; set; } = "";

    /// <summary>Random bytes (base64) from which the codes of the site's events are derived.</summary>
    public string GuestSecret { get; set; } = "";
}

/// <summary>A member's personal Wi-Fi code, shown on « Ma carte » and renewed on request (the old one stops working at once).</summary>
public sealed class WifiCode
{
    public string UserId { get; set; } = "";
    public string Code { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}
