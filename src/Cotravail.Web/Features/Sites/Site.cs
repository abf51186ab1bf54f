namespace Cotravail.Web.Features.Sites;

/// <summary>A tiers-lieu: one place with an address, opening hours, resources and hosts.</summary>
public sealed class Site
{
    public int Id { get; set; }
    public int NetworkId { get; set; }
    public Network? Network { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Commune { get; set; } = "";
    public string Postcode { get; set; } = "";
    public string Address { get; set; } = "";
    public string? Description { get; set; }
    public int? AreaSquareMetres { get; set; }

    /// <summary>Download / upload speed of the internet access, in Mbit/s.</summary>
    public int? InternetDownMbps { get; set; }
    public int? InternetUpMbps { get; set; }
    public bool StepFreeAccess { get; set; }

    /// <summary>Services nearby (bakery, post office, station…), one per line.</summary>
    public string? ServicesNearby { get; set; }
    public string? ContactEmail { get; set; }
    public string? Phone { get; set; }

    /// <summary>IANA time zone of the site; every local time at the site is read in it.</summary>
    public string TimeZone { get; set; } = "Europe/Paris";

    /// <summary>Price of a day pass, in euro cents (the day price shown to the public).</summary>
    public int DayPriceCents { get; set; }
    public bool ClosedOnPublicHolidays { get; set; } = true;
    public bool IsArchived { get; set; }

    public List<Resource> Resources { get; } = [];
    public List<OpeningHours> OpeningHours { get; } = [];
    public List<Closure> Closures { get; } = [];
    public List<SiteHost> Hosts { get; } = [];

    public IEnumerable<string> ServicesList =>
        (ServicesNearby ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
