using Cotravail.Web.Data;
using Cotravail.Web.Features.Events.Cancellation;
using Cotravail.Web.Features.Sites;
using Cotravail.Web.Features.Sites.Impact;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events.Impact;

/// <summary>
/// What a change of a site does to its agenda (ADR 0041): the published events and coaching slots it leaves without a
/// place are cancelled through <see cref="EventCancellations"/>, as when a host cancels them, with one item per person
/// who held a place or waited for one (« registration:ID »), or one item for an event nobody had joined yet
/// (« event:ID », no address). Resources are not booked by events: archiving one or lowering its capacity changes nothing.
/// </summary>
public sealed class EventsSiteChangeImpact(AppDbContext db, EventCancellations cancellations, TimeProvider clock) : ISiteChangeImpact
{
    /// <summary>The events the last <see cref="FindAsync"/> of this scope found, for the change it was asked about.</summary>
    private (SiteChange Change, List<int> EventIds)? _found;

    public async Task<IReadOnlyList<AffectedItem>> FindAsync(SiteChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        var site = await SiteAsync(change.SiteId, ct);
        if (site is null)
        {
            return [];
        }
        var events = await AffectedAsync(site, change, ct);
        var ids = events.Select(e => e.Id).ToList();
        _found = (change, ids);
        var people = await db.EventRegistrations.AsNoTracking()
            .Where(r => ids.Contains(r.EventId) && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.ToConfirm || r.Status == RegistrationStatus.Waitlisted))
            .ToListAsync(ct);
        return [.. events.SelectMany(e => Items(e, site, people.Where(r => r.EventId == e.Id)
            .OrderBy(r => r.Status == RegistrationStatus.Waitlisted).ThenBy(r => r.WaitlistPosition).ThenBy(r => r.Id)
            .Select(r => new CancelledPerson(r.Id, r.Name, r.Email, r.Status == RegistrationStatus.Waitlisted, r.PriceCents))))];
    }

    /// <summary>
    /// Cancels them in the caller's transaction (no e-mail: Sites writes one to each person). What fitted the old hours is
    /// read from the database: when Sites saved the new hours first, the events its <see cref="FindAsync"/> found for the
    /// same change in this scope (inside the transaction, just before saving) are the ones cancelled.
    /// </summary>
    public async Task<IReadOnlyList<AffectedItem>> CancelAsync(SiteChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        var site = await SiteAsync(change.SiteId, ct);
        if (site is null)
        {
            return [];
        }
        var reason = Capitalised(change.Why);
        var items = new List<AffectedItem>();
        var ids = _found is { } found && found.Change.Equals(change)
            ? found.EventIds
            : [.. (await AffectedAsync(site, change, ct)).Select(e => e.Id)];
        foreach (var id in ids)
        {
            var done = await cancellations.CancelInTransactionAsync(id, reason, ct);
            if (done is { Outcome: CancellationOutcome.Cancelled, Event: { } e })
            {
                items.AddRange(Items(e, site, done.Told));
            }
        }
        return items;
    }

    private Task<Site?> SiteAsync(int siteId, CancellationToken ct) =>
        db.Sites.AsNoTracking().Include(s => s.OpeningHours).Include(s => s.Closures).FirstOrDefaultAsync(s => s.Id == siteId, ct);

    /// <summary>The site's published events and coaching slots still to come that the change leaves without a place, soonest first.</summary>
    private async Task<List<Event>> AffectedAsync(Site site, SiteChange change, CancellationToken ct)
    {
        if (change is ResourceArchivedChange or CapacityChange)
        {
            return [];
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Events.AsNoTracking().Where(e => e.SiteId == site.Id && e.Status == EventStatus.Published && e.StartUtc > now);
        var zone = SiteClock.Zone(site);
        if (change is ClosureChange closure)
        {
            // The closed days in the site's time, widened by a day each side in UTC, then read exactly below.
            var fromUtc = closure.Start.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var toUtc = closure.End.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.StartUtc < toUtc && e.EndUtc > fromUtc);
        }
        var events = await query.OrderBy(e => e.StartUtc).ThenBy(e => e.Id).ToListAsync(ct);
        foreach (var e in events)
        {
            e.Site = site;
        }
        return change switch
        {
            ClosureChange c => [.. events.Where(e => !e.IsOnline && Overlaps(e, zone, c.Start, c.End))],
            HoursChange h => [.. events.Where(e => !e.IsOnline && NoLongerFits(e, site, zone, h))],
            SiteArchivedChange => events,
            _ => [],
        };
    }

    /// <summary>True when one of the event's local days is among the closed ones.</summary>
    private static bool Overlaps(Event e, TimeZoneInfo zone, DateOnly first, DateOnly last)
    {
        var startDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(e.StartUtc, zone));
        // An event ending at midnight does not take the next day.
        var endDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(e.EndUtc.AddTicks(-1), zone));
        return startDay <= last && endDay >= first;
    }

    /// <summary>
    /// A session held within the site's hours of its day that the new hours no longer hold. One that was already outside
    /// them (an evening talk after closing, an event over several days) was arranged as such, and stays.
    /// </summary>
    private static bool NoLongerFits(Event e, Site site, TimeZoneInfo zone, HoursChange change)
    {
        var start = TimeZoneInfo.ConvertTimeFromUtc(e.StartUtc, zone);
        var end = TimeZoneInfo.ConvertTimeFromUtc(e.EndUtc, zone);
        var day = DateOnly.FromDateTime(start);
        if (DateOnly.FromDateTime(end) != day)
        {
            return false;
        }
        var (from, to) = (TimeOnly.FromDateTime(start), TimeOnly.FromDateTime(end));
        return SiteCalendar.HoursOn(site, day) is { } before && before.Covers(from, to) && !change.Fits(day, from, to);
    }

    private static IEnumerable<AffectedItem> Items(Event e, Site site, IEnumerable<CancelledPerson> people)
    {
        var rebook = EventCancellations.AgendaPath(site);
        var kind = e.Kind == EventKind.Coaching ? "Accompagnement" : "Événement";
        var any = false;
        foreach (var p in people)
        {
            any = true;
            yield return new AffectedItem(p.WasWaitlisted ? kind + " (liste d'attente)" : kind, $"registration:{p.RegistrationId}", e.Title,
                p.Name, p.Email, e.StartUtc, e.EndUtc, rebook);
        }
        if (!any)
        {
            yield return new AffectedItem(kind, $"event:{e.Id}", e.Title, "Personne n'est encore inscrit", null, e.StartUtc, e.EndUtc, rebook);
        }
    }

    private static string Capitalised(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
