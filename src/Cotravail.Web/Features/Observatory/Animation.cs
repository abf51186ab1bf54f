using Cotravail.Web.Data;
using Cotravail.Web.Features.Events;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Observatory;

/// <summary>Events held (by their site-local day), their participants, and volunteering sign-ups of a period, per site.</summary>
internal sealed class Animation
{
    private readonly ILookup<int, (DateOnly Day, int Participants)> _events;
    private readonly ILookup<int, DateOnly> _help;

    private Animation(ILookup<int, (DateOnly, int)> events, ILookup<int, DateOnly> help) => (_events, _help) = (events, help);

    public (int Events, int Participants, int Help) Of(int siteId, MonthSpan span)
    {
        var (events, participants) = (0, 0);
        foreach (var (day, count) in _events[siteId])
        {
            if (day >= span.Start && day <= span.End)
            {
                events++;
                participants += count;
            }
        }
        return (events, participants, _help[siteId].Count(d => d >= span.Start && d <= span.End));
    }

    public static async Task<Animation> ReadAsync(AppDbContext db, IReadOnlyList<Site> sites, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var ids = sites.Select(s => s.Id).ToList();
        var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-1);
        var toUtc = to.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var held = db.Events.Where(e => ids.Contains(e.SiteId) && e.Status == EventStatus.Published && e.StartUtc >= fromUtc && e.StartUtc < toUtc);
        var events = await held.AsNoTracking().Select(e => new { e.Id, e.SiteId, e.StartUtc }).ToListAsync(ct);
        var participants = await db.EventRegistrations.AsNoTracking()
            .Where(r => r.Status == RegistrationStatus.Confirmed && r.Attended != false)
            .Join(held, r => r.EventId, e => e.Id, (r, e) => r.EventId)
            .GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var zones = sites.ToDictionary(s => s.Id, SiteClock.Zone);
        var byDay = events.ToLookup(e => e.SiteId, e =>
            (DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(e.StartUtc, zones[e.SiteId])), participants.GetValueOrDefault(e.Id)));
        var help = await db.HelpSignups.AsNoTracking().Join(db.HelpTasks, s => s.TaskId, t => t.Id, (s, t) => new { t.SiteId, t.Date })
            .Where(x => ids.Contains(x.SiteId) && x.Date >= from && x.Date <= to).ToListAsync(ct);
        return new Animation(byDay, help.ToLookup(h => h.SiteId, h => h.Date));
    }
}
