using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Observatory;

/// <summary>
/// What the public and the managers' observatory pages share: the period (« Du », « Au ») and the « Espace » filter,
/// read with their French messages; a bad value answers 400 and nothing is computed. The figures are those of the
/// period beside the same days a year before (<see cref="Glance"/>).
/// </summary>
public abstract class ObservatoryPage(TimeProvider clock) : LocalizedPage
{
    /// <summary>The indicators shown in the sections (public ones on the public page).</summary>
    public IndicatorSet? Set => Glance?.Comparison.Now;

    /// <summary>The period's figures at a glance, with the year before; null when the filter was refused.</summary>
    public Glance? Glance { get; private set; }

    /// <summary>The query's names, which are also the fields' ids and the keys of their errors.</summary>
    public const string FromField = "Du", ToField = "Au", SiteField = "Espace", NetworkField = "Reseau";

    [BindProperty(SupportsGet = true, Name = FromField)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = ToField)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = SiteField)]
    public string? Site { get; set; }

    /// <summary>The period and site asked for among <paramref name="sites"/>, or null once the errors are on the page.</summary>
    /// <param name="otherErrors">True when the page already refused another field (the network): nothing is computed.</param>
    protected (DateOnly From, DateOnly To, int? SiteId)? ReadFilter(IReadOnlyList<SiteChoice> sites, bool otherErrors = false)
    {
        ViewData[SiteChoice.ViewDataKey] = sites;
        var (from, to, errors) = Period.Read(From, To, clock);
        var (siteId, siteError, siteArgs) = SiteChoice.Read(Site, sites);
        foreach (var (field, messages) in errors)
        {
            ModelState.AddModelError(field == "from" ? FromField : ToField, T[messages[0]]);
        }
        if (siteError is not null)
        {
            ModelState.AddModelError(SiteField, T[siteError, siteArgs]);
        }
        if (errors.Count > 0 || siteError is not null || otherErrors)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }
        (From, To) = ($"{from:yyyy-MM-dd}", $"{to:yyyy-MM-dd}");
        return (from, to, siteId);
    }

    /// <summary>
    /// Computes the period and the year before for <paramref name="networks"/> (the public gets the public subset) and
    /// names what the figures are of: the site chosen, else the networks.
    /// </summary>
    protected async Task ComputeAsync(
        AppDbContext db, YearOnYear yearOnYear, IReadOnlyCollection<int> networks, IReadOnlyList<SiteChoice> sites,
        (DateOnly From, DateOnly To, int? SiteId) filter, bool isPublic, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(yearOnYear);
        ArgumentNullException.ThrowIfNull(sites);
        var (from, to, siteId) = filter;
        var comparison = await yearOnYear.ComputeAsync(networks, siteId, from, to, ct, perSite: sites.Count <= SiteChoice.ShownOneByOne);
        var named = await db.Networks.AsNoTracking().Where(n => networks.Contains(n.Id)).OrderBy(n => n.Name)
            .Select(n => new { n.Name, n.EpciSiren }).ToListAsync(ct);
        var scope = siteId is { } id ? sites.First(s => s.Id == id).Name : string.Join(", ", named.Select(n => n.Name));
        var epcis = named.Where(n => n.EpciSiren != null).Select(n => Communes.EpciName(n.EpciSiren) ?? n.EpciSiren!).Distinct().ToList();
        Glance = Glance.Of(comparison, isPublic, scope, epcis, Billing.Entitlements.ParisDay.Today(clock));
    }
}

/// <summary>One site over the period: visits against the year before, desk occupancy, events and their participants.</summary>
public sealed record SiteLine(string Site, Change Visits, decimal Occupancy, decimal OccupancyBefore, int EventsHeld, int Participants);

/// <summary>The whole network over one month (every site added up), with the visits of the same month a year before.</summary>
public sealed record MonthLine(MonthLabel Month, int Visits, int? VisitsBefore, decimal Occupancy, int EventsHeld, int Participants, int HelpSignups);

/// <summary>
/// The observatory page at a glance (ADR 0052): the key figures of the period beside the same days a year before, the
/// months (the one in progress marked and left out of <see cref="AverageVisits"/>), one line per site. Sums are made
/// on the whole figures, then counts from 1 to 4 are suppressed when the page is public.
/// </summary>
public sealed record Glance(
    Comparison Comparison, bool IsPublic, string Scope, IReadOnlyList<string> Epcis,
    IReadOnlyList<SiteLine> Sites, IReadOnlyList<MonthLine> Months, Change? AverageVisits, int CompleteMonths, DateOnly Today)
{
    public KeyFigures Figures => Comparison.NowFigures;

    public KeyFigures Before => Comparison.BeforeFigures;

    /// <summary>« novembre 2026 », or « décembre 2026 (en cours) », of a « yyyy-MM » key.</summary>
    public string MonthText(string key) => MonthLabel.Of(key, Today).Text;

    /// <summary>The share of visits from inside the networks' intercommunalities, in whole percent; null when it cannot be told (or would reveal a small count).</summary>
    public int? InsidePercent => Comparison.Now.Places is { } p && Epcis.Count > 0 && p.Inside >= 0 && p.Outside >= 0 && p.Undetermined >= 0
        && p.Inside + p.Outside + p.Undetermined > 0
            ? (int)Math.Round(p.Inside * 100m / (p.Inside + p.Outside + p.Undetermined), MidpointRounding.AwayFromZero)
            : null;

    public static Glance Of(Comparison full, bool isPublic, string scope, IReadOnlyList<string> epcis, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(full);
        int Shown(int count) => isPublic ? IndicatorSet.Suppress(count) : count;
        var sites = full.Now.Months.GroupBy(m => (m.SiteId, m.Site)).Select(g =>
        {
            var before = full.Before.Months.Where(m => m.SiteId == g.Key.SiteId).ToList();
            return new SiteLine(g.Key.Site, new Change(Shown(g.Sum(m => m.Visits)), Shown(before.Sum(m => m.Visits))),
                Occupancy(g), Occupancy(before), g.Sum(m => m.EventsHeld), Shown(g.Sum(m => m.Participants)));
        }).ToList();
        var help = full.Now.Months.GroupBy(m => m.Month).ToDictionary(g => g.Key, g => g.Sum(m => m.HelpSignups), StringComparer.Ordinal);
        var before = full.BeforeFigures.Months.ToDictionary(m => m.Month.Month.AddYears(1), m => m.Visits);
        var months = full.NowFigures.Months.Select(m => new MonthLine(
            m.Month, Shown(m.Visits), before.TryGetValue(m.Month.Month, out var b) ? Shown(b) : null, m.OccupancyPercent,
            m.EventsHeld, Shown(m.Participants), Shown(help.GetValueOrDefault($"{m.Month.Month:yyyy-MM}")))).ToList();
        // The trend: visits a month over the complete months, against the same months a year before.
        var complete = full.NowFigures.Complete.ToList();
        var completeBefore = complete.Select(m => before.GetValueOrDefault(m.Month.Month)).ToList();
        // A public average is left out when a month it sums hides a small count: it would tell that count again.
        var hides = isPublic && complete.Select(m => m.Visits).Concat(completeBefore).Any(v => v is > 0 and < IndicatorSet.SmallCount);
        Change? average = complete.Count == 0 || hides ? null : new Change(
            Shown((int)Math.Round(complete.Average(m => m.Visits), MidpointRounding.AwayFromZero)),
            Shown((int)Math.Round(completeBefore.Average(), MidpointRounding.AwayFromZero)));
        return new Glance(isPublic ? full.Public() : full, isPublic, scope, epcis, sites, months, average, complete.Count, today);
    }

    private static decimal Occupancy(IEnumerable<SiteMonth> months)
    {
        var (used, offered) = months.Aggregate((Used: 0, Offered: 0), (t, m) => (t.Used + m.DeskDaysUsedTenths, t.Offered + m.DeskDaysOffered));
        return offered == 0 ? 0 : Math.Round(used * 10m / offered, 1);
    }
}
