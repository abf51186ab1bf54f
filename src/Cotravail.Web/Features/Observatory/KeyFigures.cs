namespace Cotravail.Web.Features.Observatory;

/// <summary>A figure now and over the same period a year before, with the change in percent (null when there was nothing before).</summary>
public sealed record Change(int Now, int Before)
{
    public decimal? Percent => Before <= 0 || Now < 0 ? null : Math.Round((Now - Before) * 100m / Before, 0, MidpointRounding.AwayFromZero);

    /// <summary>
    /// « +12 % », « −5 % », « = », « ×58 » when it grew tenfold or more (« +5703 % » reads as nonsense), or « nouveau »
    /// when there was nothing the year before.
    /// </summary>
    public string Text => Percent switch
    {
        null when Now > 0 && Before == 0 => "nouveau",
        null => "—",
        0 => "=",
        >= 900 => $"×{Math.Round((decimal)Now / Before, 0, MidpointRounding.AwayFromZero):0}",
        > 0 and var p => $"+{p:0} %",
        var p => $"−{-p:0} %",
    };
}

/// <summary>The network's totals of one month, every site added up.</summary>
public sealed record MonthTotal(MonthLabel Month, int Visits, int DeskDaysUsedTenths, int DeskDaysOffered, int EventsHeld, int Participants)
{
    public decimal OccupancyPercent => DeskDaysOffered == 0 ? 0 : Math.Round(DeskDaysUsedTenths * 10m / DeskDaysOffered, 1);
}

/// <summary>
/// The headline figures of a period for the whole network, read from an <see cref="IndicatorSet"/> that is not yet made
/// public (sums of suppressed counts would be wrong). <see cref="Public"/> suppresses what the public must not see.
/// </summary>
public sealed record KeyFigures(
    int Visits, int DeskDaysUsedTenths, int DeskDaysOffered, int EventsHeld, int Participants, int HelpSignups,
    int NetworkMembers, int? NewMembers, int? RevenueCents, IReadOnlyList<MonthTotal> Months)
{
    public decimal OccupancyPercent => DeskDaysOffered == 0 ? 0 : Math.Round(DeskDaysUsedTenths * 10m / DeskDaysOffered, 1);

    /// <summary>The months whose figures are complete: the month in progress is left out of trends.</summary>
    public IEnumerable<MonthTotal> Complete => Months.Where(m => !m.Month.InProgress);

    public static KeyFigures Of(IndicatorSet set, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (set.Months.Any(m => m.Visits < 0))
        {
            throw new ArgumentException("Key figures are read from the whole indicators, before Public().", nameof(set));
        }
        var months = set.Months.GroupBy(m => m.Month).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MonthTotal(MonthLabel.Of(g.Key, today), g.Sum(m => m.Visits), g.Sum(m => m.DeskDaysUsedTenths),
                g.Sum(m => m.DeskDaysOffered), g.Sum(m => m.EventsHeld), g.Sum(m => m.Participants)))
            .ToList();
        return new KeyFigures(
            months.Sum(m => m.Visits), months.Sum(m => m.DeskDaysUsedTenths), months.Sum(m => m.DeskDaysOffered),
            months.Sum(m => m.EventsHeld), months.Sum(m => m.Participants), set.Months.Sum(m => m.HelpSignups),
            set.NetworkMembers, set.NewMembers, set.Revenue?.Sum(r => r.Cents), months);
    }

    /// <summary>What the public sees: no revenue nor new members, counts from 1 to 4 as -1 (« moins de 5 »).</summary>
    public KeyFigures Public() => this with
    {
        Visits = IndicatorSet.Suppress(Visits), Participants = IndicatorSet.Suppress(Participants),
        HelpSignups = IndicatorSet.Suppress(HelpSignups), NetworkMembers = IndicatorSet.Suppress(NetworkMembers),
        NewMembers = null, RevenueCents = null,
        Months = [.. Months.Select(m => m with { Visits = IndicatorSet.Suppress(m.Visits), Participants = IndicatorSet.Suppress(m.Participants) })],
    };
}
