using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Newcomers;

public sealed record MonthCount(DateOnly Month, int Requests, int Settled);

public sealed record OriginCount(string Label, int Requests);

/// <summary>The newcomers' figures of a network over a period: requests per month (Paris time), origin, projects settled.</summary>
public sealed record NewcomerFigures(
    int Requests, int Settled, IReadOnlyList<MonthCount> Months, IReadOnlyList<OriginCount> Departments, IReadOnlyList<OriginCount> Regions);

/// <summary>
/// The indicators of welcoming newcomers, for the managers' inbox and the observatory. Only the few columns needed
/// are read; grouping by month and origin happens here, the same on every database.
/// </summary>
public sealed class NewcomerIndicators(AppDbContext db)
{
    public const string Unknown = "Non précisé";
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out var z) ? z : TimeZoneInfo.Utc;

    /// <summary>Requests received from the first day of <paramref name="from"/>'s month to the last of <paramref name="to"/>'s (Paris time).</summary>
    public async Task<NewcomerFigures> ComputeAsync(IReadOnlyCollection<int> networkIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var first = new DateOnly(from.Year, from.Month, 1);
        var last = new DateOnly(to.Year, to.Month, 1).AddMonths(1);
        var startUtc = TimeZoneInfo.ConvertTimeToUtc(first.ToDateTime(TimeOnly.MinValue), Paris);
        var endUtc = TimeZoneInfo.ConvertTimeToUtc(last.ToDateTime(TimeOnly.MinValue), Paris);
        var rows = await db.Set<NewcomerRequest>().AsNoTracking()
            .Where(r => networkIds.Contains(r.NetworkId) && r.CreatedAtUtc >= startUtc && r.CreatedAtUtc < endUtc)
            .Select(r => new { r.CreatedAtUtc, r.Department, r.Region, r.OriginCountry, r.Status })
            .ToListAsync(ct);
        var months = new List<MonthCount>();
        for (var m = first; m < last; m = m.AddMonths(1))
        {
            var inMonth = rows.Where(r => MonthOf(r.CreatedAtUtc) == m).ToList();
            months.Add(new MonthCount(m, inMonth.Count, inMonth.Count(r => r.Status == RequestStatus.Settled)));
        }
        var departments = rows
            .GroupBy(r => r.Department is not null ? Origins.DepartmentLabel(r.Department) : r.Region == Origins.Abroad ? Origins.Abroad : Unknown)
            .Select(g => new OriginCount(g.Key, g.Count()))
            .OrderByDescending(o => o.Requests).ThenBy(o => o.Label, StringComparer.Ordinal).ToList();
        var regions = rows.GroupBy(r => r.Region ?? Unknown)
            .Select(g => new OriginCount(g.Key, g.Count()))
            .OrderByDescending(o => o.Requests).ThenBy(o => o.Label, StringComparer.Ordinal).ToList();
        return new NewcomerFigures(rows.Count, rows.Count(r => r.Status == RequestStatus.Settled), months, departments, regions);
    }

    public static DateOnly MonthOf(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Paris);
        return new DateOnly(local.Year, local.Month, 1);
    }
}
