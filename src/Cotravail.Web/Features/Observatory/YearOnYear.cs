namespace Cotravail.Web.Features.Observatory;

/// <summary>A period's indicators beside those of the same days a year before, and the headline figures of both.</summary>
public sealed record Comparison(IndicatorSet Now, IndicatorSet Before, KeyFigures NowFigures, KeyFigures BeforeFigures)
{
    /// <summary>The first day of the period a year before (29 February becomes 28 February).</summary>
    public DateOnly BeforeFrom => Now.From.AddYears(-1);

    public DateOnly BeforeTo => Now.To.AddYears(-1);

    public Change Visits => new(NowFigures.Visits, BeforeFigures.Visits);
    public Change EventsHeld => new(NowFigures.EventsHeld, BeforeFigures.EventsHeld);
    public Change Participants => new(NowFigures.Participants, BeforeFigures.Participants);
    public Change? NewMembers => NowFigures.NewMembers is { } n && BeforeFigures.NewMembers is { } b ? new(n, b) : null;
    public Change? RevenueCents => NowFigures.RevenueCents is { } n && BeforeFigures.RevenueCents is { } b ? new(n, b) : null;

    /// <summary>Occupancy in tenths of a percent point now and before (« 23,4 % » against « 19,0 % »).</summary>
    public (decimal Now, decimal Before) Occupancy => (NowFigures.OccupancyPercent, BeforeFigures.OccupancyPercent);

    /// <summary>True when the period has no activity at all: a report then says so instead of showing zeros.</summary>
    public bool IsEmpty => NowFigures.Visits == 0 && NowFigures.EventsHeld == 0 && NowFigures.Participants == 0 && NowFigures.DeskDaysUsedTenths == 0;

    /// <summary>The public view: both sets and both figures with small counts suppressed, no revenue.</summary>
    public Comparison Public() => new(Now.Public(), Before.Public(), NowFigures.Public(), BeforeFigures.Public());
}

/// <summary>Computes a <see cref="Comparison"/>: the indicators of the period, and of the same days a year before.</summary>
public sealed class YearOnYear(IndicatorsQuery query, TimeProvider clock)
{
    public async Task<Comparison> ComputeAsync(
        IReadOnlyCollection<int> networks, int? siteId, DateOnly from, DateOnly to, CancellationToken ct, bool perSite = true)
    {
        var today = Billing.Entitlements.ParisDay.Today(clock);
        var now = await query.ComputeAsync(networks, siteId, from, to, ct, perSite);
        var before = await query.ComputeAsync(networks, siteId, from.AddYears(-1), to.AddYears(-1), ct, perSite);
        return new Comparison(now, before, KeyFigures.Of(now, today), KeyFigures.Of(before, today));
    }
}
