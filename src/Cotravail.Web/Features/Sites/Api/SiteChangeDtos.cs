namespace Cotravail.Web.Features.Sites.Api;

/// <summary>A closure to create: an inclusive date range (YYYY-MM-DD) and its reason, shown to the public and to the people whose bookings it cancels.</summary>
public sealed record ClosureBody(DateOnly? StartDate, DateOnly? EndDate, string? Reason);

/// <summary>The whole week's hours: one entry per open day (a day left out is closed).</summary>
public sealed record HoursBody(IReadOnlyList<OpeningHoursDto>? Hours);

/// <summary>The new number of places of a resource (1 to 500).</summary>
public sealed record CapacityBody(int? Capacity);

/// <summary>A booking, event session or coaching slot a change cancels (or would cancel); times in UTC.</summary>
public sealed record AffectedItemDto(string Kind, string Key, string What, string Person, DateTime StartUtc, DateTime EndUtc);

/// <summary>What a carried-out change cancelled.</summary>
public sealed record SiteChangeDto(string Change, IReadOnlyList<AffectedItemDto> Cancelled);
