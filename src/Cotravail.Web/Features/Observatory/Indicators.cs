namespace Cotravail.Web.Features.Observatory;

/// <summary>One site over one month: presence, origin, occupancy, animation, volunteering. Counts only.</summary>
public sealed record SiteMonth(
    int SiteId, string Site, string Month, int Visits, int DistinctVisitors, int RegularVisitors, int OccasionalVisitors,
    int DeskDaysUsedTenths, int DeskDaysOffered, int EventsHeld, int Participants, int HelpSignups)
{
    /// <summary>Desk-days used / desk-days offered, in percent (one decimal).</summary>
    public decimal OccupancyPercent => DeskDaysOffered == 0 ? 0 : Math.Round(DeskDaysUsedTenths * 10m / DeskDaysOffered, 1);
}

/// <summary>
/// Visits by place of residence: the commune (<see cref="Insee"/>) when the person chose it, else the postcode. A postcode
/// is often shared by several communes (46140: Albas, Anglars-Juillac, Bélaye, Luzech…): without the INSEE code,
/// <see cref="Commune"/> is set only when the postcode names one, and <see cref="Communes"/> lists them all.
/// </summary>
public sealed record Origin(string Postcode, int Visits)
{
    /// <summary>The INSEE code of the commune of residence, when known.</summary>
    public string? Insee { get; init; }

    public IReadOnlyList<string> Communes =>
        Common.Communes.ByInsee(Insee) is { } known ? [known.Name] : [.. Common.Communes.At(Postcode)];

    public string? Commune => Communes is [var only] ? only : null;

    /// <summary>« Luzech (46140) » when the commune is known, « 46140 — Albas, Anglars-Juillac, Bélaye et 6 autres », « 46220 — Prayssac », or the bare postcode.</summary>
    public string Label => Common.Communes.ByInsee(Insee) is { } known ? $"{known.Name} ({Postcode})" : Communes.Count switch
    {
        0 => Common.Communes.IsPostcode(Postcode) ? Postcode : OriginGroups.NotGiven,
        <= 3 => $"{Postcode} — {string.Join(", ", Communes)}",
        _ => $"{Postcode} — {string.Join(", ", Communes.Take(3))} et {Communes.Count - 3} autres",
    };
}

/// <summary>Revenue of a kind of sale, VAT included, in euro cents (invoices less credit notes).</summary>
public sealed record Revenue(string Product, int Cents);

/// <summary>Visits of a site in the period by what recorded them: the desk, the member's arrival QR code, the Wi-Fi.</summary>
public sealed record SourceCount(int SiteId, string Site, Reception.VisitSource Source, int Visits);

/// <summary>
/// The indicators of a period. <see cref="Revenue"/> and <see cref="NewMembers"/> are for managers only, and so are the
/// newcomers' months and origins (the public gets their totals). <see cref="NetworkMembers"/> counts the people of the
/// networks asked for (who came to one of their sites or were invoiced by them), now; <see cref="NewMembers"/> those of
/// them whose account was created in the period.
/// </summary>
public sealed record IndicatorSet(
    DateOnly From, DateOnly To, IReadOnlyList<SiteMonth> Months, IReadOnlyList<Origin> Origins,
    IReadOnlyList<Revenue>? Revenue, int? NewMembers, int NetworkMembers)
{
    /// <summary>Counts below this are not published (open data, public page): too few to hide a person.</summary>
    public const int SmallCount = 5;

    /// <summary>Visits per site and source (managers only).</summary>
    public IReadOnlyList<SourceCount>? Sources { get; init; }

    /// <summary>The directory and the offers board at the period's end.</summary>
    public DirectorySize? Directory { get; init; }

    /// <summary>Offers and needs open at the end of each month of the period.</summary>
    public IReadOnlyList<BoardMonth>? Board { get; init; }

    /// <summary>The origins grouped by commune, intercommunality (inside or outside the networks'), department and region.</summary>
    public OriginGroups? Places { get; init; }

    /// <summary>The « Je m'installe » requests of the period: per month, by department and region, settled projects.</summary>
    public Newcomers.NewcomerFigures? Newcomers { get; init; }

    /// <summary>The public subset: no revenue, no new members, origins, members and months with small counts suppressed.</summary>
    public IndicatorSet Public() => this with
    {
        Origins = [.. Origins.Where(o => o.Visits >= SmallCount)],
        Places = Places?.Public(),
        Revenue = null,
        Sources = null,
        NewMembers = null,
        NetworkMembers = Suppress(NetworkMembers),
        Months = [.. Months.Select(m => m with
        {
            Visits = Suppress(m.Visits), DistinctVisitors = Suppress(m.DistinctVisitors),
            RegularVisitors = Suppress(m.RegularVisitors), OccasionalVisitors = Suppress(m.OccasionalVisitors),
            Participants = Suppress(m.Participants), HelpSignups = Suppress(m.HelpSignups),
        })],
        Directory = Directory is { } d ? d with
        {
            PublicProfiles = Suppress(d.PublicProfiles), MembersOnlyProfiles = Suppress(d.MembersOnlyProfiles),
            OpenOffers = Suppress(d.OpenOffers), OpenNeeds = Suppress(d.OpenNeeds),
        } : null,
        Board = Board is { } b ? [.. b.Select(m => m with { OpenOffers = Suppress(m.OpenOffers), OpenNeeds = Suppress(m.OpenNeeds) })] : null,
        Newcomers = Newcomers is { } n ? new Newcomers.NewcomerFigures(Suppress(n.Requests), Suppress(n.Settled), [], [], []) : null,
    };

    /// <summary>
    /// The label of a row that adds every site up (<see cref="SiteMonth.SiteId"/> 0; a person who came to two sites is
    /// counted at each): the answer for a national network is a few rows, not tens of thousands.
    /// </summary>
    public const string AllSites = "Ensemble des espaces";

    /// <summary>-1 stands for « fewer than 5 » in public figures.</summary>
    public static int Suppress(int count) => count is > 0 and < SmallCount ? -1 : count;
}
