using System.Globalization;
using System.Text.Json;

namespace Cotravail.Web.Features.Events.Api;

/// <summary>An event as the API shows it; <c>start</c>/<c>end</c> are site-local, <c>startUtc</c>/<c>endUtc</c> instants.</summary>
public sealed record EventDto(
    int Id, string Kind, string Title, string Description, string DescriptionHtml, int SiteId, string SiteName, string? OnlineUrl,
    string Start, string End, DateTime StartUtc, DateTime EndUtc, int Capacity, int Registered, int Remaining, int PriceCents,
    string Audience, string OrganiserKind, string OrganiserName, IReadOnlyList<string> Tags, string Status,
    DateTime RegistrationClosesAtUtc, string Url)
{
    public static EventDto From(Event e, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new EventDto(e.Id, Camel(e.Kind), e.Title, e.Description, EventText.ToHtml(e.Description), e.SiteId, e.Site?.Name ?? "",
            e.OnlineUrl, Local(EventTimes.LocalStart(e)), Local(EventTimes.LocalEnd(e)), Utc(e.StartUtc), Utc(e.EndUtc),
            e.Capacity, e.Registered, e.Remaining, e.PriceCents, Camel(e.Audience), Camel(e.OrganiserKind), e.OrganiserName,
            [.. e.TagList], Camel(e.Status), Utc(e.RegistrationClosesAtUtc), $"{baseUrl}/agenda/{e.Id}");
    }

    private static string Camel<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static DateTime Utc(DateTime d) => DateTime.SpecifyKind(d, DateTimeKind.Utc);

    private static string Local(DateTime d) => d.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>A registration as the API shows it: <c>status</c> is registered, waitlisted, pending, toConfirm (the event moved: the place is kept until the person confirms) or cancelled.</summary>
public sealed record RegistrationDto(int Id, int EventId, string Status, int? WaitlistPosition, string Name, string Email, DateTime CreatedAtUtc)
{
    public static RegistrationDto From(Registration r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var status = r.Status switch
        {
            RegistrationStatus.Confirmed => "registered",
            RegistrationStatus.Waitlisted => "waitlisted",
            RegistrationStatus.Pending => "pending",
            RegistrationStatus.ToConfirm => "toConfirm",
            _ => "cancelled",
        };
        return new RegistrationDto(r.Id, r.EventId, status, r.WaitlistPosition, r.Name, r.Email, DateTime.SpecifyKind(r.CreatedAtUtc, DateTimeKind.Utc));
    }
}
