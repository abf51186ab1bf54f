namespace Cotravail.Web.Features.Sites.Api;

public sealed record SiteSummaryDto(
    int Id, string Slug, string Name, string Network, string Commune, string Postcode, string Address,
    int DayPriceCents, int? InternetDownMbps, int? InternetUpMbps, bool StepFreeAccess, int DeskCount);

public sealed record SiteDetailDto(
    int Id, string Slug, string Name, string Network, string Commune, string Postcode, string Address,
    string? Description, int? AreaSquareMetres, int DayPriceCents, int? InternetDownMbps, int? InternetUpMbps,
    bool StepFreeAccess, string[] ServicesNearby, string TimeZone, string? ContactEmail, string? Phone,
    bool ClosedOnPublicHolidays,
    IReadOnlyList<ResourceDto> Resources, IReadOnlyList<OpeningHoursDto> OpeningHours, IReadOnlyList<ClosureDto> Closures);

/// <summary>Kind: deskPool, privateOffice, meetingRoom or phoneBooth.</summary>
public sealed record ResourceDto(int Id, string Kind, string Name, int Capacity, string? Description);

/// <summary>Day: monday … sunday; times as HH:mm, site-local.</summary>
public sealed record OpeningHoursDto(string Day, string Opens, string Closes, string? Opens2, string? Closes2);

/// <summary>Inclusive date range (YYYY-MM-DD).</summary>
public sealed record ClosureDto(DateOnly StartDate, DateOnly EndDate, string Reason);
