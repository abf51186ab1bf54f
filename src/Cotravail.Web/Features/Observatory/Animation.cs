using Cotravail.Web.Data;
using Cotravail.Web.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Observatory;

/// <summary>
/// Events held (by their site-local day), their participants, and volunteering sign-ups of a period, per site; or,
/// with <c>total</c>, for every site added up (site id 0), grouped by the database by start time and time zone.
/// </summary>
internal sealed class Animation
{
    private readonly ILookup<int, (DateOnly Day, int Events, int Participants)> _events;
    private readonly ILookup<int, (DateOnly Day, int Signups)> _help;

    private Animation(ILookup<int, (DateOnly, int, int)> events, ILookup<int, (DateOnly, int)> help) => (_events, _help) = (events, help);

    public (int Events, int Participants, int Help) Of(int siteId, MonthSpan span)
    {
        var (events, participants, help) = (0, 0, 0);
        foreach (var (day, count, people) in _events[siteId])
        {
            if (day >= span.Start && day <= span.End)
            {
                events += count;
                participants += people;
            }
        }
        foreach (var (day, signups) in _help[siteId])
        {
            if (day >= span.Start && day <= span.End)
            {
                help += signups;
            }
        }
        return (events, participants, help);
    }

    public static async Task<Animation> ReadAsync(AppDbContext db, IQueryable<int> siteIds, DateOnly from, DateOnly to, bool total, CancellationToken ct)
    {
        var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-1);
        var toUtc = to.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var published = db.Events.AsNoTracking()
            .Where(e => siteIds.Contains(e.SiteId) && e.Status == EventStatus.Published && e.StartUtc >= fromUtc && e.StartUtc < toUtc);
        var held = total
            ? published.Join(db.Sites, e => e.SiteId, s => s.Id, (e, s) => new { e.Id, SiteId = 0, e.StartUtc, s.TimeZone, e.Registered })
            : published.Join(db.Sites, e => e.SiteId, s => s.Id, (e, s) => new { e.Id, e.SiteId, e.StartUtc, s.TimeZone, e.Registered });
        // Participants: the places taken (the events' counter of confirmed registrations, ADR 0009) less the people a
        // host marked absent, who are few: the registrations themselves are not read.
        var events = await held.GroupBy(e => new { e.SiteId, e.StartUtc, e.TimeZone })
            .Select(g => new { g.Key.SiteId, g.Key.StartUtc, g.Key.TimeZone, Count = g.Count(), Places = g.Sum(e => e.Registered) }).ToListAsync(ct);
        var absent = await AbsentAsync(db, held.Select(e => new AbsentKey { Id = e.Id, SiteId = e.SiteId, StartUtc = e.StartUtc, TimeZone = e.TimeZone }), ct);
        var zones = events.Select(e => e.TimeZone).Distinct(StringComparer.Ordinal).ToDictionary(z => z, Zone, StringComparer.Ordinal);
        var byDay = events.ToLookup(e => e.SiteId, e => (DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(e.StartUtc, zones[e.TimeZone])),
            e.Count, e.Places - absent.GetValueOrDefault((e.SiteId, e.StartUtc, e.TimeZone))));
        var help = await db.HelpSignups.AsNoTracking().Join(db.HelpTasks, s => s.TaskId, t => t.Id, (s, t) => new { t.SiteId, t.Date })
            .Where(x => siteIds.Contains(x.SiteId) && x.Date >= from && x.Date <= to)
            .GroupBy(x => new { x.SiteId, x.Date }).Select(g => new { g.Key.SiteId, g.Key.Date, Count = g.Count() }).ToListAsync(ct);
        return new Animation(byDay, help.ToLookup(h => total ? 0 : h.SiteId, h => (h.Date, h.Count)));
    }

    private sealed class AbsentKey
    {
        public int Id { get; init; }
        public int SiteId { get; init; }
        public DateTime StartUtc { get; init; }
        public required string TimeZone { get; init; }
    }

    /// <summary>The people marked absent, per (site, start, zone) of the events <paramref name="held"/>.</summary>
    private static async Task<Dictionary<(int SiteId, DateTime StartUtc, string TimeZone), int>> AbsentAsync(
        AppDbContext db, IQueryable<AbsentKey> held, CancellationToken ct)
    {
        var marked = db.EventRegistrations.AsNoTracking().Where(r => r.Attended == false && r.Status == RegistrationStatus.Confirmed);
        if (!db.Database.IsSqlite())
        {
            // PostgreSQL plans the join from the few absentees.
            return await marked.Join(held, r => r.EventId, e => e.Id, (r, e) => e)
                .GroupBy(e => new { e.SiteId, e.StartUtc, e.TimeZone })
                .Select(g => new { g.Key.SiteId, g.Key.StartUtc, g.Key.TimeZone, Count = g.Count() })
                .ToDictionaryAsync(x => (x.SiteId, x.StartUtc, x.TimeZone), x => x.Count, ct);
        }
        // SQLite walked every event of the period to look for them (80 ms of 220 at national scale): the absentees are
        // read from the registrations' (Attended, Status) index alone, then only their events. A SQLite deployment
        // serves one community of communes, whose absentees stay few.
        var absentees = await marked.Select(r => r.EventId).ToListAsync(ct);
        var absent = new Dictionary<(int SiteId, DateTime StartUtc, string TimeZone), int>();
        if (absentees.Count > 0)
        {
            var perEvent = absentees.CountBy(id => id).ToDictionary(x => x.Key, x => x.Value);
            var ids = perEvent.Keys.ToList();
            foreach (var e in await held.Where(e => ids.Contains(e.Id)).ToListAsync(ct))
            {
                var key = (e.SiteId, e.StartUtc, e.TimeZone);
                absent[key] = absent.GetValueOrDefault(key) + perEvent[e.Id];
            }
        }
        return absent;
    }

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
