using System.Globalization;
using System.Text.Json;
using Cotravail.Web.Common.Api;
using Cotravail.Web.Data;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Observatory;

/// <summary>
/// Open data under the Licence Ouverte 2.0 (Etalab): the sites (CSV and JSON) and monthly indicators per site (CSV),
/// with no personal data; counts from 1 to 4 are left empty. The schema is documented in docs/opendata.md.
/// </summary>
internal static class OpenData
{
    private static readonly CsvWriterOptions Csv = CsvWriterOptions.Default with { Separator = ',', WriteByteOrderMark = true, Injection = CsvInjection.Escape };

    /// <summary>The national standard's files: UTF-8 without a byte order mark, values as they are (its phone numbers start with « + »).</summary>
    private static readonly CsvWriterOptions NationalStandard = CsvWriterOptions.Default with { Separator = ',', WriteByteOrderMark = false, Injection = CsvInjection.None };

    public sealed record OpenSite(
        int Id, string Name, string Network, string Address, string Postcode, string Commune, double? Latitude, double? Longitude,
        string OpeningHours, string ServicesNearby, int DayPriceCents, int HalfDayPriceCents, int Desks, int MeetingRooms,
        int? InternetDownMbps, bool StepFreeAccess, string Url);

    public static void MapOpenData(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/opendata").WithTags("Données ouvertes");
        group.MapGet("/sites.json", async (AppDbContext db, HttpRequest r, CancellationToken ct) =>
            Results.Json(await SitesAsync(db, r, ct), JsonSerializerOptions.Web)).WithName("OpenDataSitesJson");
        group.MapGet("/sites.csv", async (AppDbContext db, HttpRequest r, CancellationToken ct) =>
            Results.File(SitesCsv(await SitesAsync(db, r, ct)), "text/csv; charset=utf-8", "tiers-lieux.csv")).WithName("OpenDataSitesCsv");
        group.MapGet("/indicators.csv", async (Day? from, Day? to, int? networkId, AppDbContext db, IndicatorsQuery query, TimeProvider clock, CancellationToken ct) =>
            {
                if (!Period.TryRead(from, to, clock, out var period, out var problem))
                {
                    return ApiProblems.Invalid(DayRange.EndField, problem);
                }
                var networks = await db.Networks.Where(n => networkId == null || n.Id == networkId).Select(n => n.Id).ToListAsync(ct);
                if (networks.Count == 0 && networkId is not null)
                {
                    return ApiProblems.Invalid("networkId", "Aucun réseau n'a cet identifiant.");
                }
                var set = (await query.ComputeAsync(networks, null, period.From, period.To, ct)).Public();
                return Results.File(IndicatorsCsv(set), "text/csv; charset=utf-8", "indicateurs-tiers-lieux.csv");
            }).WithName("OpenDataIndicatorsCsv");
        group.MapGet("/lieux-mediation-numerique.csv", async (AppDbContext db, HttpRequest r, TimeProvider clock, CancellationToken ct) =>
            Results.File(await MediationNumeriqueCsvAsync(db, r, clock, ct), "text/csv; charset=utf-8", "lieux-mediation-numerique.csv"))
            .WithName("OpenDataMediationNumeriqueCsv")
            .WithSummary("Les espaces au standard national « Lieux de médiation numérique » v1.0.2 (schema.data.gouv.fr).");
    }

    private static async Task<byte[]> MediationNumeriqueCsvAsync(AppDbContext db, HttpRequest request, TimeProvider clock, CancellationToken ct)
    {
        var sites = await db.Sites.AsNoTracking().Include(s => s.Network).Include(s => s.OpeningHours)
            .Where(s => !s.IsArchived).OrderBy(s => s.Id).ToListAsync(ct);
        var ids = sites.Select(s => s.Id).ToList();
        // « Dans un atelier collectif » for a site that held or announces a published event within a year.
        var yearAgo = clock.GetUtcNow().UtcDateTime.AddYears(-1);
        var withEvents = await db.Set<Events.Event>()
            .Where(e => ids.Contains(e.SiteId) && e.Status == Events.EventStatus.Published && e.EndUtc >= yearAgo)
            .Select(e => e.SiteId).Distinct().ToListAsync(ct);
        var today = Billing.Entitlements.ParisDay.Today(clock);
        var baseUrl = $"{request.Scheme}://{request.Host}";
        var rows = sites
            .Select(s => MediationNumerique.Row(s, s.Network!, withEvents.Contains(s.Id), UpdatedOn(s, today), baseUrl,
                s.Latitude is { } lat && s.Longitude is { } lon ? (lat, lon) : null))
            .OfType<string[]>();
        return Write(MediationNumerique.Columns, rows, NationalStandard);
    }

    /// <summary>The day (Paris) the site's description last changed; the export's day for a site never changed since it was stamped.</summary>
    private static DateOnly UpdatedOn(Sites.Site site, DateOnly today) =>
        site.UpdatedAtUtc is { } at ? Billing.Entitlements.ParisDay.Of(at) : today;

    private static async Task<List<OpenSite>> SitesAsync(AppDbContext db, HttpRequest request, CancellationToken ct)
    {
        var sites = await db.Sites.AsNoTracking().Include(s => s.Network).Include(s => s.Resources).Include(s => s.OpeningHours)
            .Where(s => !s.IsArchived).OrderBy(s => s.Id).ToListAsync(ct);
        return [.. sites.Select(s => new OpenSite(
            s.Id, s.Name, s.Network!.Name, s.Address, s.Postcode, s.Commune, s.Latitude, s.Longitude,
            string.Join("; ", s.OpeningHours.OrderBy(h => ((int)h.Day + 6) % 7).Select(h =>
                $"{h.Day.ToString()[..2]} {h.Opens:HH\\:mm}-{h.Closes:HH\\:mm}" + (h.Opens2 is { } o2 && h.Closes2 is { } c2 ? $",{o2:HH\\:mm}-{c2:HH\\:mm}" : ""))),
            string.Join("; ", s.ServicesList), s.DayPriceCents, s.HalfDayPriceCents,
            s.Resources.Where(r => !r.IsArchived && r.Kind == Sites.ResourceKind.DeskPool).Sum(r => r.Capacity),
            s.Resources.Count(r => !r.IsArchived && r.Kind == Sites.ResourceKind.MeetingRoom),
            s.InternetDownMbps, s.StepFreeAccess, $"{request.Scheme}://{request.Host}/espaces/{s.Slug}"))];
    }

    private static byte[] SitesCsv(IEnumerable<OpenSite> sites) => Write(
        ["id", "nom", "reseau", "adresse", "code_postal", "commune", "latitude", "longitude", "horaires", "services_proximite",
         "prix_journee_centimes", "prix_demi_journee_centimes", "postes", "salles_reunion", "debit_descendant_mbps", "acces_plain_pied", "url"],
        sites.Select(s => new[]
        {
            I(s.Id), s.Name, s.Network, s.Address, s.Postcode, s.Commune, Coordinate(s.Latitude), Coordinate(s.Longitude), s.OpeningHours, s.ServicesNearby,
            I(s.DayPriceCents), I(s.HalfDayPriceCents), I(s.Desks), I(s.MeetingRooms), s.InternetDownMbps is { } d ? I(d) : "",
            s.StepFreeAccess ? "oui" : "non", s.Url,
        }));

    private static byte[] IndicatorsCsv(IndicatorSet set) => Write(
        ["mois", "id_site", "site", "passages", "personnes_distinctes", "reguliers", "occasionnels", "taux_occupation_pct",
         "evenements", "participants", "coups_de_main"],
        set.Months.Select(m => new[]
        {
            m.Month, I(m.SiteId), m.Site, N(m.Visits), N(m.DistinctVisitors), N(m.RegularVisitors), N(m.OccasionalVisitors),
            m.OccupancyPercent.ToString("0.0", CultureInfo.InvariantCulture), I(m.EventsHeld), N(m.Participants), N(m.HelpSignups),
        }));

    private static string Coordinate(double? value) => value is { } v ? v.ToString("0.######", CultureInfo.InvariantCulture) : "";

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A suppressed count (-1) is left empty.</summary>
    private static string N(int value) => value < 0 ? "" : I(value);

    private static byte[] Write(string[] header, IEnumerable<string[]> rows, CsvWriterOptions? options = null)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, options ?? Csv, leaveOpen: true))
        {
            csv.WriteRecord(header);
            foreach (var row in rows)
            {
                csv.WriteRecord(row);
            }
        }
        return stream.ToArray();
    }
}
