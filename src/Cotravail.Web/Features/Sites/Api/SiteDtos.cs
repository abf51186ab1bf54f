namespace Cotravail.Web.Features.Sites.Api;

public sealed record SiteSummaryDto(
    int Id, string Slug, string Name, string Network, string Commune, string Postcode, string Address,
    int DayPriceCents, int? InternetDownMbps, int? InternetUpMbps, bool StepFreeAccess, int DeskCount)
{
    /// <summary>The main photo, 640 px wide JPEG (a path on this server), or null.</summary>
    public string? PhotoUrl { get; init; }
}

public sealed record SiteDetailDto(
    int Id, string Slug, string Name, string Network, string Commune, string Postcode, string Address,
    string? Description, int? AreaSquareMetres, int DayPriceCents, int? InternetDownMbps, int? InternetUpMbps,
    bool StepFreeAccess, string[] ServicesNearby, string TimeZone, string? ContactEmail, string? Phone,
    bool ClosedOnPublicHolidays,
    IReadOnlyList<ResourceDto> Resources, IReadOnlyList<OpeningHoursDto> OpeningHours, IReadOnlyList<ClosureDto> Closures)
{
    /// <summary>WGS 84 degrees, or null when the site has no position.</summary>
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }

    /// <summary>The photos in their order, the first being the main one.</summary>
    public IReadOnlyList<PhotoDto> Photos { get; init; } = [];
}

/// <summary>A photo: its description (the alternative text), size, and a URL per width in JPEG and WebP (paths on this server).</summary>
public sealed record PhotoDto(string Description, int Width, int Height, IReadOnlyDictionary<int, string> Jpeg, IReadOnlyDictionary<int, string> Webp);

/// <summary>Kind: deskPool, privateOffice, meetingRoom or phoneBooth.</summary>
public sealed record ResourceDto(int Id, string Kind, string Name, int Capacity, string? Description);

/// <summary>Day: monday … sunday; times as HH:mm, site-local.</summary>
public sealed record OpeningHoursDto(string Day, string Opens, string Closes, string? Opens2, string? Closes2);

/// <summary>Inclusive date range (YYYY-MM-DD).</summary>
public sealed record ClosureDto(DateOnly StartDate, DateOnly EndDate, string Reason);
