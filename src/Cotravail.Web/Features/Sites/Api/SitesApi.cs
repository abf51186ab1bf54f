using System.Globalization;
using System.Text.Json;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites.Api;

/// <summary>Public read API of the sites: <c>GET /api/v1/sites</c> and <c>GET /api/v1/sites/{id}</c>.</summary>
internal static class SitesApi
{
    public static RouteGroupBuilder MapSitesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sites").WithTags("Espaces");
        group.MapGet("/", ListAsync).WithName("ListSites").WithSummary("Open sites of every network, public information.");
        group.MapGet("/{id:int}", GetAsync).WithName("GetSite").WithSummary("One site: resources, opening hours, closures to come.");
        return group;
    }

    private static async Task<Ok<List<SiteSummaryDto>>> ListAsync(AppDbContext db, CancellationToken ct)
    {
        var sites = await db.Sites.AsNoTracking()
            .Where(s => !s.IsArchived)
            .OrderBy(s => s.Name)
            .Select(s => new SiteSummaryDto(
                s.Id, s.Slug, s.Name, s.Network!.Name, s.Commune, s.Postcode, s.Address, s.DayPriceCents,
                s.InternetDownMbps, s.InternetUpMbps, s.StepFreeAccess,
                s.Resources.Where(r => !r.IsArchived && r.Kind == ResourceKind.DeskPool).Sum(r => r.Capacity)))
            .ToListAsync(ct);
        var photos = await Photos.SitePhotoQueries.OfSitesAsync(db, [.. sites.Select(s => s.Id)], ct);
        return TypedResults.Ok(sites.ConvertAll(s => photos.GetValueOrDefault(s.Id) is [var main, ..]
            ? s with { PhotoUrl = main.Url(main.Widths.FirstOrDefault(w => w >= 640, main.Widths[^1]), "jpg") }
            : s));
    }

    private static async Task<Results<Ok<SiteDetailDto>, NotFound>> GetAsync(
        int id, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var site = await SiteQueries.LoadPublicAsync(db, s => s.Id == id, ct);
        if (site is null)
        {
            return TypedResults.NotFound();
        }
        var today = SiteClock.Today(site, clock);
        var photos = await Photos.SitePhotoQueries.OfSiteAsync(db, site.Id, ct);
        return TypedResults.Ok(ToDto(site, today) with
        {
            Latitude = site.Latitude, Longitude = site.Longitude,
            Photos = [.. photos.Select(p => new PhotoDto(p.Description, p.Width, p.Height,
                p.Widths.ToDictionary(w => w, w => p.Url(w, "jpg")), p.Widths.ToDictionary(w => w, w => p.Url(w, "webp"))))],
        });
    }

    internal static SiteDetailDto ToDto(Site s, DateOnly today) => new(
        s.Id, s.Slug, s.Name, s.Network?.Name ?? "", s.Commune, s.Postcode, s.Address, s.Description,
        s.AreaSquareMetres, s.DayPriceCents, s.InternetDownMbps, s.InternetUpMbps, s.StepFreeAccess,
        [.. s.ServicesList], s.TimeZone, s.ContactEmail, s.Phone, s.ClosedOnPublicHolidays,
        [.. s.Resources.Where(r => !r.IsArchived).OrderBy(r => r.SortOrder).ThenBy(r => r.Id)
            .Select(r => new ResourceDto(r.Id, JsonNamingPolicy.CamelCase.ConvertName(r.Kind.ToString()), r.Name, r.Capacity, r.Description))],
        [.. s.OpeningHours.OrderBy(h => ((int)h.Day + 6) % 7)
            .Select(h => new OpeningHoursDto(h.Day.ToString().ToLowerInvariant(), Hm(h.Opens), Hm(h.Closes),
                h.Opens2 is { } o2 ? Hm(o2) : null, h.Closes2 is { } c2 ? Hm(c2) : null))],
        [.. SiteCalendar.UpcomingClosures(s, today, 365).Select(c => new ClosureDto(c.StartDate, c.EndDate, c.Reason))]);

    private static string Hm(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}
