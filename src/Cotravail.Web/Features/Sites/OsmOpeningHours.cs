using System.Globalization;

namespace Cotravail.Web.Features.Sites;

/// <summary>
/// Opening hours in OpenStreetMap's <c>opening_hours</c> syntax, as the open-data standards ask: consecutive days with
/// the same hours share one rule (« Mo-Fr 08:00-12:30,13:30-22:00; Sa 09:00-12:00 »), « PH off » when the site closes
/// on public holidays. A site with no hours gives « off ».
/// </summary>
public static class OsmOpeningHours
{
    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string Of(IEnumerable<OpeningHours> hours, bool closedOnPublicHolidays)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var byDay = hours.GroupBy(h => h.Day).ToDictionary(g => g.Key, g => Ranges(g.First()));
        var rules = new List<string>();
        for (var i = 0; i < Week.Length;)
        {
            if (!byDay.TryGetValue(Week[i], out var ranges))
            {
                i++;
                continue;
            }
            var last = i;
            while (last + 1 < Week.Length && byDay.TryGetValue(Week[last + 1], out var next) && next == ranges)
            {
                last++;
            }
            var days = last == i ? Abbrev(Week[i]) : last == i + 1 ? $"{Abbrev(Week[i])},{Abbrev(Week[last])}" : $"{Abbrev(Week[i])}-{Abbrev(Week[last])}";
            rules.Add($"{days} {ranges}");
            i = last + 1;
        }
        if (rules.Count == 0)
        {
            return "off";
        }
        if (closedOnPublicHolidays)
        {
            rules.Add("PH off");
        }
        return string.Join("; ", rules);
    }

    private static string Ranges(OpeningHours h) =>
        Range(h.Opens, h.Closes) + (h.Opens2 is { } o2 && h.Closes2 is { } c2 ? "," + Range(o2, c2) : "");

    private static string Range(TimeOnly from, TimeOnly to) =>
        $"{from.ToString("HH:mm", CultureInfo.InvariantCulture)}-{(to == TimeOnly.MinValue ? "24:00" : to.ToString("HH:mm", CultureInfo.InvariantCulture))}";

    private static string Abbrev(DayOfWeek day) => day.ToString()[..2];
}
