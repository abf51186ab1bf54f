using Cotravail.Web.Common;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Events.Mine;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cotravail.Web.Features.MySpace;

/// <summary>
/// <c>GET /api/v1/me/summary</c>: what « Mon espace » shows, for programs. Dates and times of bookings are site-local
/// (<c>freeCancellationUntil</c> too); sign-ups as <c>GET /api/v1/me/registrations</c> gives them; amounts in euro cents.
/// Blocks that do not concern the person are empty lists (<c>due</c> is null when nothing is due).
/// </summary>
public sealed record MySummaryDto(
    string Name, IReadOnlyList<NextBooking> NextBookings, int UpcomingBookings, bool HasBooked, bool DiscoveryDayAvailable,
    IReadOnlyList<DaysLeft> Entitlements, AmountDue? Due, IReadOnlyList<MyRegistrationDto> NextSignups, int UpcomingSignups,
    IReadOnlyList<SiteToday> SitesToday, IReadOnlyList<NetworkWeek> NetworkWeeks)
{
    public static MySummaryDto From(MySummary s, PublicAddress address)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new MySummaryDto(s.Name, s.NextBookings, s.UpcomingBookings, s.HasBooked, s.DiscoveryDayAvailable, s.Entitlements, s.Due,
            [.. s.NextSignups.Select(i => MyRegistrationDto.From(i, address))], s.UpcomingSignups, s.SitesToday, s.NetworkWeeks);
    }
}

internal static class MySummaryApi
{
    public static void MapMySummaryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me/summary", async (MySummaryQuery query, PublicAddress address, CancellationToken ct) =>
                TypedResults.Ok(MySummaryDto.From(await query.LoadAsync(ct), address)))
            .WithTags("Mon espace").WithName("MySummary")
            .RequireAuthorization(AccountsModule.ApiPolicy)
            .Produces<MySummaryDto>()
            .WithSummary("My next bookings, days left, amount due and how to pay, next sign-ups; a host's sites today; a manager's figures of the week.");
    }
}
