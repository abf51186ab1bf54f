using Cotravail.Web.Features.Sites;
using System.Globalization;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events.Manage;

/// <summary>The attendee list of an event as CSV (CsvHelper), for the hosts of its site: opens in a spreadsheet.</summary>
internal static class AttendeesCsv
{
    public static void MapAttendeesCsv(this IEndpointRouteBuilder app) =>
        app.MapGet("/animation/{id:int}/participants.csv", async (int id, AppDbContext db, CancellationToken ct) =>
            {
                var people = await Attendees.ListAsync(db, id, ct);
                var site = await db.Events.AsNoTracking().Where(e => e.Id == id).Select(e => e.Site!).FirstOrDefaultAsync(ct);
                return Results.File(Write(people, site is null ? TimeZoneInfo.Utc : SiteClock.Zone(site)), "text/csv; charset=utf-8", $"participants-{id}.csv");
            })
            .RequireAuthorization(Roles.Host)
            .RequireStaffScope(EventsModule.EventStaff)
            .ExcludeFromDescription();

    /// <summary>Times are the site's local time with their offset (« 2026-12-01 09:15 +01:00 »), as people read them.</summary>
    public static byte[] Write(IEnumerable<Registration> people, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(people);
        using var stream = new MemoryStream();
        // A semicolon as French spreadsheets expect, a byte order mark so accents open right, and names that
        // start like a formula (=, +, -, @) written as text.
        var options = CsvWriterOptions.Default with { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            csv.WriteRecord(["Nom", "E-mail", "Code postal", "Membre", "Statut", "Position d'attente", "Inscrit le (heure locale)", "Présence"]);
            foreach (var r in people)
            {
                csv.WriteRecord([
                    r.Name, r.Email, r.Postcode ?? "", r.UserId is null ? "non" : "oui", Attendees.StatusText(r.Status),
                    r.WaitlistPosition?.ToString(CultureInfo.InvariantCulture) ?? "",
                    Local(r.CreatedAtUtc, zone),
                    r.Attended switch { true => "présent", false => "absent", _ => "" },
                ]);
            }
        }
        return stream.ToArray();
    }

    private static string Local(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
    }
}

/// <summary>The people of an event: holding a place (confirmed, then asked to confirm a new date), then the waitlist in order.</summary>
public static class Attendees
{
    public static Task<List<Registration>> ListAsync(AppDbContext db, int eventId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.EventRegistrations.AsNoTracking()
            .Where(r => r.EventId == eventId && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.ToConfirm || r.Status == RegistrationStatus.Waitlisted))
            .OrderBy(r => r.Status == RegistrationStatus.Waitlisted).ThenBy(r => r.Status).ThenBy(r => r.WaitlistPosition).ThenBy(r => r.Name).ThenBy(r => r.Id)
            .ToListAsync(ct);
    }

    public static string StatusText(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Confirmed => "inscrit",
        RegistrationStatus.Waitlisted => "liste d'attente",
        RegistrationStatus.Pending => "à confirmer",
        RegistrationStatus.ToConfirm => "nouvelle date à confirmer",
        _ => "annulé",
    };
}
