using System.Globalization;

namespace Cotravail.Web.Features.Observatory.Report;

/// <summary>One site's line in the report: visits and desk occupancy over the period, events and their participants.</summary>
public sealed record ReportSite(string Name, int Visits, decimal OccupancyPercent, int EventsHeld, int Participants);

/// <summary>
/// What a « rapport d'activité » says, read from a <see cref="Comparison"/>: the network, the period against the same
/// days a year before, the months, each site, where visitors live. The public version (<see cref="Public"/>) carries no
/// revenue nor new members, counts from 1 to 4 as -1 (« moins de 5 ») and no origin row under 5 visits.
/// </summary>
public sealed record ActivityReport(
    string NetworkName, string LegalName, string? SiteName, DateOnly From, DateOnly To, Comparison Figures,
    IReadOnlyList<ReportSite> Sites, int OtherSites, bool Public, DateOnly MadeOn)
{
    /// <summary>At most this many sites are listed one by one (the most visited); the others are counted.</summary>
    public const int ListedSites = 10;

    public const string NoActivity = "Aucune activité enregistrée sur cette période";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The name of the network's intercommunality, when it has one: visitors from inside it and from outside.</summary>
    public string? EpciName { get; init; }

    public bool IsEmpty => Figures.IsEmpty;

    public OriginGroups? Places => Figures.Now.Places;

    /// <summary>
    /// The report of <paramref name="full"/> (the whole comparison, not yet public): its sites added up over the
    /// period before any count is suppressed, then the public view taken when <paramref name="isPublic"/>.
    /// </summary>
    public static ActivityReport Of(
        string networkName, string legalName, string? siteName, Comparison full, bool isPublic, DateOnly madeOn)
    {
        ArgumentNullException.ThrowIfNull(full);
        var sites = full.Now.Months.Where(m => m.SiteId != 0).GroupBy(m => (m.SiteId, m.Site))
            .Select(g =>
            {
                var offered = g.Sum(m => m.DeskDaysOffered);
                var occupancy = offered == 0 ? 0 : Math.Round(g.Sum(m => m.DeskDaysUsedTenths) * 10m / offered, 1);
                var (visits, participants) = (g.Sum(m => m.Visits), g.Sum(m => m.Participants));
                return new ReportSite(g.Key.Site, isPublic ? IndicatorSet.Suppress(visits) : visits, occupancy,
                    g.Sum(m => m.EventsHeld), isPublic ? IndicatorSet.Suppress(participants) : participants);
            })
            .OrderByDescending(s => s.Visits).ThenBy(s => s.Name, StringComparer.CurrentCulture).ToList();
        return new ActivityReport(networkName, legalName, siteName, full.Now.From, full.Now.To, isPublic ? full.Public() : full,
            [.. sites.Take(ListedSites)], Math.Max(0, sites.Count - ListedSites), isPublic, madeOn);
    }

    /// <summary>« du 1er janvier au 30 novembre 2026 », « du 1er décembre 2025 au 30 novembre 2026 », « le 3 mars 2026 ».</summary>
    public static string PeriodText(DateOnly from, DateOnly to) =>
        from == to ? $"le {Common.Format.Date(from, French)}"
        : from.Year == to.Year ? $"du {Common.Format.DayAndMonth(from, French)} au {Common.Format.Date(to, French)}"
        : $"du {Common.Format.Date(from, French)} au {Common.Format.Date(to, French)}";

    /// <summary>A count as the report writes it: « 1 234 », or « moins de 5 » for a suppressed one (-1).</summary>
    public static string Count(int value) => value < 0 ? "moins de 5" : Spaced(value.ToString("#,##0", French));

    public static string Percent(decimal value) => Spaced(value.ToString("0.0", French)) + " %";

    public static string Euros(int cents) => Billing.Pdf.InvoicePdf.Euros(cents);

    public static string Date(DateOnly day) => Common.Format.Date(day, French);

    /// <summary>The share of <paramref name="part"/> in <paramref name="whole"/>, in whole percent.</summary>
    public static int Share(int part, int whole) => whole <= 0 || part <= 0 ? 0 : (int)Math.Round(part * 100m / whole, MidpointRounding.AwayFromZero);

    /// <summary>The file name of the managers' download: « rapport-activite-vallee-du-lot-2026-01-01-2026-11-30.pdf ».</summary>
    public static string FileName(string slug, DateOnly from, DateOnly to) =>
        string.Create(CultureInfo.InvariantCulture, $"rapport-activite-{slug}-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.pdf");

    private static string Spaced(string text) => text.Replace('\u202f', ' ').Replace('\u00a0', ' ');
}
