using System.Globalization;
using Cotravail.Web.Common;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cotravail.Web.Features.Events.Mine;

/// <summary>
/// « Mes inscriptions » for programs: <c>start</c>/<c>end</c> in the site's time zone with their offset
/// (« 2026-12-10T18:00:00+01:00 »), <c>startUtc</c>/<c>endUtc</c> the instants; <c>waitlistPosition</c> the place in the
/// line today; <c>url</c> the page; <c>cancelUrl</c> what <c>DELETE</c> cancels (null for what cannot be cancelled here).
/// </summary>
public sealed record MyRegistrationDto(
    string Kind, int Id, string? EventKind, string Title, int SiteId, string SiteName, string Start, string End,
    DateTime StartUtc, DateTime EndUtc, bool AllDay, string Status, int? WaitlistPosition, bool Upcoming, bool CanCancel,
    string Url, string? CancelUrl)
{
    public static MyRegistrationDto From(MyItem item, PublicAddress address)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(address);
        var cancel = item.IsRegistration && item.CanCancel
            ? address.Absolute(string.Create(CultureInfo.InvariantCulture, $"/api/v1/registrations/{item.Id}"))
            : null;
        return new MyRegistrationDto(item.Kind, item.Id,
            item.EventKind is { } k ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(k.ToString()) : null,
            item.Title, item.SiteId, item.SiteName, Iso(item.Start), Iso(item.End), item.Start.UtcDateTime, item.End.UtcDateTime,
            item.AllDay, item.Status, item.WaitlistRank, item.Upcoming, item.CanCancel, address.Absolute(item.Path), cancel);
    }

    private static string Iso(DateTimeOffset d) => d.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}

internal static class MyRegistrationsApi
{
    public static void MapMyRegistrationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me/registrations", MineAsync).WithTags("Animation").WithName("MyRegistrations")
            .RequireAuthorization(AccountsModule.ApiPolicy)
            .WithSummary("My events (with my place on a waitlist), coaching slots and volunteering: upcoming first, soonest first, then past and cancelled.");
    }

    private static async Task<Ok<List<MyRegistrationDto>>> MineAsync(CurrentUser me, MyRegistrations mine, PublicAddress address, CancellationToken ct)
    {
        var items = await mine.ListAsync(me.RequiredId, ct);
        return TypedResults.Ok(items.Select(i => MyRegistrationDto.From(i, address)).ToList());
    }
}
