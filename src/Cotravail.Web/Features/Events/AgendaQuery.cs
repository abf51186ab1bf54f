using System.Globalization;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events;

/// <summary>What the agenda shows: a site, a kind, a month (or days from … to), for the public or for people signed in.</summary>
public sealed record AgendaFilter(int? SiteId = null, EventKind? Kind = null, DateOnly? From = null, DateOnly? To = null)
{
    /// <summary>Days the agenda reads: years 2000 to 2100 (beyond, a date is a typing mistake, and overflows the calendar).</summary>
    public static bool IsSensible(DateOnly day) => day.Year is >= 2000 and <= 2100;

    /// <summary>« 2026-12 » as the first and last day of that month.</summary>
    public static bool TryMonth(string? text, out DateOnly first, out DateOnly last)
    {
        first = last = default;
        if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first)
            || !IsSensible(first))
        {
            return false;
        }
        last = first.AddMonths(1).AddDays(-1);
        return true;
    }
}

/// <summary>The published events of the agenda, soonest first. Days are read in the network's time zone (Europe/Paris).</summary>
public sealed class AgendaQuery(AppDbContext db, TimeProvider clock)
{
    public const int MaxEvents = 200;
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out var z) ? z : TimeZoneInfo.Utc;

    /// <summary>The events <paramref name="filter"/> names, members' ones only of the networks in <paramref name="memberOf"/>.</summary>
    public Task<List<Event>> ListAsync(AgendaFilter filter, IReadOnlyCollection<int> memberOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Events.AsNoTracking().Include(e => e.Site)
            .Where(e => e.Status == EventStatus.Published && !e.Site!.IsArchived);
        ArgumentNullException.ThrowIfNull(memberOf);
        query = memberOf.Count == 0
            ? query.Where(e => e.Audience == EventAudience.Public)
            : query.Where(e => e.Audience == EventAudience.Public || memberOf.Contains(e.Site!.NetworkId));
        if (filter.SiteId is { } siteId)
        {
            query = query.Where(e => e.SiteId == siteId);
        }
        if (filter.Kind is { } kind)
        {
            query = query.Where(e => e.Kind == kind);
        }
        var fromUtc = filter.From is { } from ? StartOfDayUtc(from) : clock.GetUtcNow().UtcDateTime;
        query = query.Where(e => e.EndUtc > fromUtc);
        if (filter.To is { } to)
        {
            var toUtc = StartOfDayUtc(to.AddDays(1));
            query = query.Where(e => e.StartUtc < toUtc);
        }
        return query.OrderBy(e => e.StartUtc).ThenBy(e => e.Id).Take(MaxEvents).ToListAsync(ct);
    }

    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);
}
