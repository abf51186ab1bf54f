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

    /// <summary>Where the site is on a map (WGS 84 degrees); both or neither, latitude -90 to 90, longitude -180 to 180.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public int? AreaSquareMetres { get; set; }

    /// <summary>Download / upload speed of the internet access, in Mbit/s.</summary>
    public int? InternetDownMbps { get; set; }
    public int? InternetUpMbps { get; set; }
    public bool StepFreeAccess { get; set; }

    /// <summary>Services nearby (bakery, post office, station…), one per line.</summary>
    public string? ServicesNearby { get; set; }
    public string? ContactEmail { get; set; }
    public string? Phone { get; set; }

    /// <summary>When the site's public description (details, hours, photos) last changed; the open data's « date_maj ».</summary>
    public DateTime? UpdatedAtUtc { get; set; }

    /// <summary>IANA time zone of the site; every local time at the site is read in it.</summary>
    public string TimeZone { get; set; } = "Europe/Paris";

    /// <summary>Price of a day pass, in euro cents (the day price shown to the public).</summary>
    public int DayPriceCents { get; set; } = 1500;

    /// <summary>Price of a half-day at a desk, in euro cents.</summary>
    public int HalfDayPriceCents { get; set; } = 800;

    /// <summary>Price of a private office for a day / a half-day, in euro cents.</summary>
    public int OfficeDayPriceCents { get; set; } = 2500;
    public int OfficeHalfDayPriceCents { get; set; } = 1500;

    /// <summary>Price of an hour of meeting room / phone booth, in euro cents.</summary>
    public int RoomHourPriceCents { get; set; } = 1000;
    public int BoothHourPriceCents { get; set; }

    /// <summary>How far ahead people may book, in days (default 90).</summary>
    public int BookingHorizonDays { get; set; } = 90;

    /// <summary>Where the morning ends and the afternoon begins (default 13:00).</summary>
    public TimeOnly HalfDaySplit { get; set; } = new(13, 0);

    /// <summary>
    /// From this time, morning and day bookings of the day with no arrival become no-shows and free their places for
    /// walk-ins (default 11:00).
    /// </summary>
    public TimeOnly NoShowTime { get; set; } = new(11, 0);

    /// <summary>A desk booking can be cancelled until this time the day before (default 18:00).</summary>
    public TimeOnly DeskCancelCutoff { get; set; } = new(18, 0);

    /// <summary>An hourly booking can be cancelled until this many minutes before its start (default 120).</summary>
    public int RoomCancelNoticeMinutes { get; set; } = 120;
    public bool ClosedOnPublicHolidays { get; set; } = true;

    /// <summary>A cancellation after the cut-off is charged (or uses its carnet or subscription day).</summary>
    public bool ChargeLateCancellations { get; set; } = true;

    /// <summary>A booking nobody came to is charged (or uses its carnet or subscription day).</summary>
    public bool ChargeNoShows { get; set; } = true;
    public bool IsArchived { get; set; }

    public List<Resource> Resources { get; } = [];
    public List<OpeningHours> OpeningHours { get; } = [];
    public List<Closure> Closures { get; } = [];
    public List<SiteHost> Hosts { get; } = [];

    public IEnumerable<string> ServicesList =>
        (ServicesNearby ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
