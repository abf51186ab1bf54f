using System.Globalization;
using System.Text.Json;
using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Booking;

public sealed record HalfAvailability(int Booked, int Free);

/// <summary>A free span of an hourly resource, site-local (HH:mm).</summary>
public sealed record FreeSlot(string Start, string End);

/// <summary>One resource on one day: counts only, never names.</summary>
public sealed record ResourceDay(
    DateOnly Date, bool Open, string? ClosedReason, int Capacity, int Booked, int Free,
    HalfAvailability? Morning, HalfAvailability? Afternoon, IReadOnlyList<FreeSlot>? FreeSlots);

public sealed record ResourceAvailability(int ResourceId, string Name, string Kind, int Capacity, IReadOnlyList<ResourceDay> Days);

public sealed record SiteAvailability(int SiteId, DateOnly From, DateOnly To, IReadOnlyList<ResourceAvailability> Resources);

/// <summary>Computes availability from the day counters and booked slots. Pure: no database, no clock.</summary>
public static class Availability
{
    public const int MaxDays = 62;

    public static SiteAvailability Compute(
        Site site, DateOnly from, DateOnly to, IReadOnlyCollection<DeskDay> deskDays, IReadOnlyCollection<BookedSlot> slots, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(site);
        var zone = SiteClock.Zone(site);
        var nowLocal = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone);
        var counters = deskDays.ToDictionary(d => (d.ResourceId, d.Date));
        var taken = slots.Select(s => (s.ResourceId, s.StartUtc)).ToHashSet();
        var resources = new List<ResourceAvailability>();
        foreach (var r in site.Resources.Where(r => !r.IsArchived).OrderBy(r => r.SortOrder).ThenBy(r => r.Id))
        {
            var units = r.BookableUnits();
            var days = new List<ResourceDay>();
            for (var date = from; date <= to; date = date.AddDays(1))
            {
                var hours = SiteCalendar.HoursOn(site, date);
                if (hours is null || date < DateOnly.FromDateTime(nowLocal))
                {
                    var reason = hours is null ? SiteCalendar.ClosureOn(site, date) ?? "fermé" : "passé";
                    days.Add(new ResourceDay(date, false, reason, units, 0, 0, null, null, r.Kind.IsHourly() ? [] : null));
                    continue;
                }
                if (r.Kind.IsHourly())
                {
                    var free = FreeSlots(zone, date, hours, r.Id, taken, nowUtc);
                    var total = Steps(hours);
                    var freeSteps = free.Sum(f => (int)((TimeOnly.Parse(f.End, CultureInfo.InvariantCulture) - TimeOnly.Parse(f.Start, CultureInfo.InvariantCulture)).TotalMinutes / 30));
                    days.Add(new ResourceDay(date, true, null, units, total - freeSteps > 0 ? 1 : 0, freeSteps > 0 ? 1 : 0, null, null, free));
                }
                else
                {
                    counters.TryGetValue((r.Id, date), out var c);
                    var (m, a) = (c?.Morning ?? 0, c?.Afternoon ?? 0);
                    var booked = Math.Max(m, a);
                    days.Add(new ResourceDay(date, true, null, units, booked, Math.Max(0, units - booked),
                        new HalfAvailability(m, Math.Max(0, units - m)), new HalfAvailability(a, Math.Max(0, units - a)), null));
                }
            }
            resources.Add(new ResourceAvailability(r.Id, r.Name, JsonNamingPolicy.CamelCase.ConvertName(r.Kind.ToString()), units, days));
        }
        return new SiteAvailability(site.Id, from, to, resources);
    }

    private static int Steps(OpeningHours h)
    {
        var minutes = (h.Closes - h.Opens).TotalMinutes + (h.Opens2 is { } o2 && h.Closes2 is { } c2 ? (c2 - o2).TotalMinutes : 0);
        return (int)(minutes / 30);
    }

    private static List<FreeSlot> FreeSlots(TimeZoneInfo zone, DateOnly date, OpeningHours hours, int resourceId,
        HashSet<(int, DateTime)> taken, DateTime nowUtc)
    {
        var ranges = new List<(TimeOnly, TimeOnly)> { (hours.Opens, hours.Closes) };
        if (hours.Opens2 is { } o2 && hours.Closes2 is { } c2)
        {
            ranges.Add((o2, c2));
        }
        var result = new List<FreeSlot>();
        foreach (var (open, close) in ranges)
        {
            TimeOnly? runStart = null;
            var t = open;
            for (; t < close && t >= open; t = t.AddMinutes(30))
            {
                var utc = SiteTime.ToUtcLenient(zone, date, t);
                var free = utc > nowUtc && !taken.Contains((resourceId, utc));
                if (free && runStart is null)
                {
                    runStart = t;
                }
                else if (!free && runStart is { } s)
                {
                    result.Add(new FreeSlot(Hm(s), Hm(t)));
                    runStart = null;
                }
                if (t.AddMinutes(30) < t)
                {
                    break; // midnight
                }
            }
            if (runStart is { } start)
            {
                result.Add(new FreeSlot(Hm(start), Hm(close)));
            }
        }
        return result;
    }

    private static string Hm(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}
