using Cotravail.Web.Common;

namespace Cotravail.Web.Features.Observatory;

/// <summary>A line of an origin table: a place and its visits; <see cref="Inside"/> tells an intercommunality of the network's.</summary>
public sealed record OriginRow(string Label, int Visits, bool Inside = false);

/// <summary>
/// Where the visitors live, at four levels. A visit whose commune is known counts there; one known by its postcode only
/// counts at the postcode's communes' intercommunality when they share one, else under <see cref="SeveralEpcis"/>; the
/// department and region always follow from the postcode. <see cref="Inside"/> and <see cref="Outside"/> count the
/// visits from inside and outside the networks' intercommunalities, <see cref="Undetermined"/> the rest.
/// </summary>
public sealed record OriginGroups(
    IReadOnlyList<OriginRow> Communes, IReadOnlyList<OriginRow> Epcis, IReadOnlyList<OriginRow> Departments,
    IReadOnlyList<OriginRow> Regions, int Inside, int Outside, int Undetermined)
{
    public const string NotGiven = "Non renseigné";
    public const string SeveralEpcis = "Code postal partagé entre plusieurs intercommunalités";
    public const string NoEpci = "Hors intercommunalité";

    public static OriginGroups Of(IEnumerable<Origin> origins, IReadOnlyCollection<string> networkEpcis)
    {
        ArgumentNullException.ThrowIfNull(origins);
        ArgumentNullException.ThrowIfNull(networkEpcis);
        var communes = new Dictionary<string, int>(StringComparer.Ordinal);
        var epcis = new Dictionary<string, (int Visits, bool Inside)>(StringComparer.Ordinal);
        var departments = new Dictionary<string, int>(StringComparer.Ordinal);
        var regions = new Dictionary<string, int>(StringComparer.Ordinal);
        var (inside, outside, undetermined) = (0, 0, 0);
        foreach (var o in origins)
        {
            Add(communes, o.Label, o.Visits);
            var known = Common.Communes.ByInsee(o.Insee);
            var atPostcode = known is null ? Common.Communes.AtPostcode(o.Postcode) : [known];
            var sirens = atPostcode.Select(c => c.EpciSiren).Distinct().ToList();
            string epci;
            bool? isInside;
            if (atPostcode.Count == 0)
            {
                (epci, isInside) = (NotGiven, null);
            }
            else if (sirens is [var siren])
            {
                (epci, isInside) = (siren is null ? NoEpci : Common.Communes.EpciName(siren) ?? siren, siren is not null && networkEpcis.Contains(siren));
            }
            else
            {
                // Known by its postcode only: inside when every commune of the postcode is, outside when none is.
                var ins = sirens.Count(s => s is not null && networkEpcis.Contains(s));
                (epci, isInside) = (SeveralEpcis, ins == sirens.Count ? true : ins == 0 ? false : null);
            }
            epcis[epci] = (epcis.GetValueOrDefault(epci).Visits + o.Visits, isInside == true && epci != SeveralEpcis);
            _ = isInside switch { true => inside += o.Visits, false => outside += o.Visits, null => undetermined += o.Visits };
            var department = Common.Communes.DepartmentOf(known?.Department) ?? Common.Communes.DepartmentOfPostcode(o.Postcode);
            Add(departments, department is null ? NotGiven : $"{department.Name} ({department.Code})", o.Visits);
            Add(regions, Common.Communes.RegionName(department?.Region) ?? NotGiven, o.Visits);
        }
        return new OriginGroups(
            Rows(communes), [.. epcis.Select(e => new OriginRow(e.Key, e.Value.Visits, e.Value.Inside)).OrderByDescending(r => r.Visits).ThenBy(r => r.Label, StringComparer.CurrentCulture)],
            Rows(departments), Rows(regions), inside, outside, undetermined);
    }

    /// <summary>The public subset: rows under <see cref="IndicatorSet.SmallCount"/> visits left out, the totals suppressed the same way.</summary>
    public OriginGroups Public() => new(
        Keep(Communes), Keep(Epcis), Keep(Departments), Keep(Regions),
        IndicatorSet.Suppress(Inside), IndicatorSet.Suppress(Outside), IndicatorSet.Suppress(Undetermined));

    private static List<OriginRow> Keep(IEnumerable<OriginRow> rows) => [.. rows.Where(r => r.Visits >= IndicatorSet.SmallCount)];

    private static void Add(Dictionary<string, int> into, string key, int visits) => into[key] = into.GetValueOrDefault(key) + visits;

    private static List<OriginRow> Rows(Dictionary<string, int> counts) =>
        [.. counts.Select(c => new OriginRow(c.Key, c.Value)).OrderByDescending(r => r.Visits).ThenBy(r => r.Label, StringComparer.CurrentCulture)];
}
